"""The queries every public page runs (home, lists, an article), with their SQL written once.

Building and compiling a queryset costs Django more than PostgreSQL needs to answer it: some
0.4 ms of Python for a list of cards the database returns in 0.1 ms, several times a page
(issue 18). A `CompiledList` asks the ORM for its SQL once per process, with stand-ins for the
values that change between requests (the moment that decides what is published, an article's
address or id), and then runs that SQL with the real values: the same rows, as the same model
instances (with what `select_related()` joins and the annotations) or plain tuples, for a third
to a half of the work. Not for querysets that prefetch. A page that shows several lists reads
them in one round trip (`together`); a sliced list (a page of it) is read when first used.

A list's count (for its pages) can be kept while what it shows holds (`count_kept_while`): the
lists' count of thousands of rows takes the database longer than a page of them.
"""

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from django.core.signals import setting_changed
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import get_related_populators
from django.dispatch import receiver
from django.utils import timezone

from valoa.web.page_cache import kept_while_the_site_holds

# Values no real query asks about, so that they are found among the compiled parameters.
STAND_IN = datetime(1901, 12, 13, 20, 45, 52, 654321, tzinfo=UTC)
STAND_INS = {str: "\x1estand-in-{}", int: -1_000_000_007}
_every: list["CompiledList"] = []


def _stand_in(kind: type, position: int):
    return STAND_INS[str].format(position) if kind is str else STAND_INS[int] - position


class CompiledList:
    """What `build(now, *args)` selects, in its order: iterated whole, sliced and counted as a
    queryset is (a Paginator takes it; `bind(*args)` for a `build` that takes arguments of
    the types `args` names), each part's SQL compiled once per process (and per value of
    `varies_with()`, when the SQL depends on more: the language, say).

    `build` must give the same SQL whatever its arguments are, apart from their values as
    parameters (a lookup that changes a value, such as `contains`, is refused); it prefetches
    nothing; slicing needs a `build` with no limit of its own. Rows are model instances (with
    the rows `select_related()` joins and the annotations), or with `tuples` the values as the
    database gives them: only for columns that need no conversion (ids, texts, numbers).

    With `count_kept_while` (page_cache scopes that every change of the rows moves, such as
    the lists'), the count is kept by the process while the site's generation and those
    scopes' numbers hold (`kept_while_the_site_holds`: with the lists' scope, also until
    scheduled content next appears)."""

    ordered = True  # Paginator asks

    def __init__(
        self,
        build: Callable[..., QuerySet],
        tuples: bool = False,
        varies_with: Callable[[], Hashable] = lambda: None,
        args: tuple[type, ...] = (),
        count_kept_while: tuple[str, ...] = (),
    ):
        self.build = build
        self.count_kept_while = count_kept_while
        self.tuples = tuples
        self.varies_with = varies_with
        self.stand_ins = tuple(_stand_in(kind, n) for n, kind in enumerate(args))
        self._sql: dict[tuple, tuple] = {}  # by (part, varies_with()): rows or count
        _every.append(self)

    def _compile(self, part: str) -> tuple:
        queryset = self.build(STAND_IN, *self.stand_ins)
        shown = queryset.order_by().values("pk") if part == "count" else queryset
        compiler = shown.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        instances = None
        if part == "count":
            sql = f"SELECT COUNT(*) FROM ({sql}) counted"
        elif not self.tuples:
            instances = _instances(queryset, compiler)
        # Where each value goes: -1 for the moment, else the argument's position.
        values = {connections[queryset.db].ops.adapt_datetimefield_value(STAND_IN): -1}
        values.update((stand_in, n) for n, stand_in in enumerate(self.stand_ins))
        slots = tuple(
            (i, values[param])
            for i, param in enumerate(params)
            if isinstance(param, Hashable) and param in values
        )
        missing = set(range(len(self.stand_ins))) - {arg for _slot, arg in slots}
        if missing:
            raise ValueError(f"The SQL does not take argument {min(missing)} as it was given.")
        return instances, queryset.db, sql, tuple(params), slots

    def statement(self, part: str, args: tuple, limits: tuple[int, int] | None) -> tuple:
        """(make instances or None, database, SQL, parameters) of a run with these values."""
        key = (part, self.varies_with())
        if key not in self._sql:
            self._sql[key] = self._compile(part)
        instances, db, sql, params, slots = self._sql[key]
        params = list(params)
        now = connections[db].ops.adapt_datetimefield_value(timezone.now())
        for slot, arg in slots:
            params[slot] = now if arg == -1 else args[arg]
        if limits is not None:
            sql = f"{sql} LIMIT %s OFFSET %s"
            params += limits
        return instances, db, sql, params

    def counted(self, args: tuple) -> int:
        def count() -> int:
            _instances, db, sql, params = self.statement("count", args, None)
            with connections[db].cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchone()[0]

        if not self.count_kept_while:
            return count()
        return kept_while_the_site_holds(
            (id(self), self.varies_with(), args), count, scopes=self.count_kept_while
        )

    def bind(self, *args) -> "Bound":
        return Bound(self, args)

    def __iter__(self):
        return iter(self.bind())

    def __getitem__(self, window: slice) -> "Rows":
        return self.bind()[window]

    def count(self) -> int:
        return self.bind().count()


class Rows(Sequence):
    """The rows of a compiled list for its arguments (and window, when sliced): read when
    first used, or together with other lists' rows in one round trip (`together`)."""

    def __init__(self, compiled: CompiledList, args: tuple, limits: tuple[int, int] | None):
        self.compiled, self.args, self.limits = compiled, args, limits
        self._rows: list | None = None

    def _read(self) -> list:
        if self._rows is None:
            together(self)
        return self._rows

    def __getitem__(self, index):
        return self._read()[index]

    def __len__(self) -> int:
        return len(self._read())

    def __iter__(self):
        return iter(self._read())

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and self._read() == list(other)


def together(*lists: "CompiledList | Bound | Rows") -> list[Rows]:
    """The rows of several compiled lists (of one database), each in its own order: on
    PostgreSQL in one round trip (a page that shows a few lists waits once, not once each)."""
    rows = [each if isinstance(each, Rows) else Rows(*_bound(each), None) for each in lists]
    waiting = [each for each in rows if each._rows is None]
    statements = [each.compiled.statement("rows", each.args, each.limits) for each in waiting]
    if not statements:
        return rows
    connection = connections[statements[0][1]]
    with connection.cursor() as cursor:
        if len(statements) > 1 and _runs_several_at_once(connection):
            cursor.execute(
                "; ".join(sql for _make, _db, sql, _params in statements),
                [param for *_rest, params in statements for param in params],
            )
            found = [cursor.fetchall()]
            while cursor.nextset():
                found.append(cursor.fetchall())
        else:
            found = []
            for _make, _db, sql, params in statements:
                cursor.execute(sql, params)
                found.append(cursor.fetchall())
    for each, (make, db, _sql, _params), part in zip(waiting, statements, found, strict=True):
        each._rows = part if make is None else make(db, part)
    return rows


def _bound(each: "CompiledList | Bound") -> tuple:
    return (each.compiled, each.args) if isinstance(each, Bound) else (each, ())


def _runs_several_at_once(connection) -> bool:
    # psycopg's client-side binding (Django's default) sends several statements as one query.
    return connection.vendor == "postgresql" and not connection.settings_dict["OPTIONS"].get(
        "server_side_binding"
    )


def _instances(queryset: QuerySet, compiler) -> Callable[[str, list], list]:
    """How a row of the compiled SQL becomes a model instance, as the queryset makes it
    (ModelIterable: the columns' converters, `Model.from_db()`, the rows `select_related()`
    joins, the annotations), without a queryset's work per run."""
    if queryset._prefetch_related_lookups or queryset._known_related_objects:
        raise ValueError("A compiled list runs one query: no prefetched or known related rows.")
    select, klass_info = compiler.select, compiler.klass_info
    fields = klass_info["select_fields"]
    start, end = fields[0], fields[-1] + 1
    names = [column.target.attname for column, _sql, _alias in select[start:end]]
    related = get_related_populators(klass_info, select, queryset.db)
    annotations = tuple(compiler.annotation_col_map.items())
    converters = [
        (position, tuple(functions), expression)
        for position, (functions, expression) in compiler.get_converters(
            [column for column, _sql, _alias in select]
        ).items()
    ]
    model = klass_info["model"]

    def instances(db: str, rows: list) -> list:
        connection = connections[db]
        made = []
        for row in rows:
            if converters:
                row = list(row)
                for position, functions, expression in converters:
                    for function in functions:
                        row[position] = function(row[position], expression, connection)
            instance = model.from_db(db, names, row[start:end])
            for populator in related:
                populator.populate(row, instance)
            for name, position in annotations:
                setattr(instance, name, row[position])
            made.append(instance)
        return made

    return instances


@dataclass(frozen=True)
class Bound:
    """A CompiledList with its arguments: a list to iterate, slice and count."""

    compiled: CompiledList
    args: tuple
    ordered: ClassVar[bool] = True

    def __iter__(self):
        return iter(Rows(self.compiled, self.args, None))

    def __getitem__(self, window: slice) -> Rows:
        start = window.start or 0
        return Rows(self.compiled, self.args, (window.stop - start, start))

    def count(self) -> int:
        return self.compiled.counted(self.args)

    def first(self):
        """The first row, or None (as `QuerySet.first()`, for a list of one: by a unique key)."""
        return next(iter(self), None)


@receiver(setting_changed)
def _forget(**kwargs) -> None:
    # Another database or other languages (in tests) compile to other SQL.
    for compiled in _every:
        compiled._sql.clear()
