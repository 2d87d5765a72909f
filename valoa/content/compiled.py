"""The queries every public page runs (home, lists, an article), with their SQL written once.

Building and compiling a queryset costs Django more than PostgreSQL needs to answer it: some
0.4 ms of Python for a list of cards the database returns in 0.1 ms, several times a page
(issue 18). A `CompiledList` asks the ORM for its SQL once per process, with stand-ins for the
values that change between requests (the moment that decides what is published, an article's
address or id), and then runs that SQL with the real values: the same rows, as the same model
instances (`QuerySet.raw()`) or plain tuples, for a third to a half of the work. Only for
querysets that select no related rows (raw SQL makes one model per row).
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from django.core.signals import setting_changed
from django.db import connections
from django.db.models import QuerySet
from django.dispatch import receiver
from django.utils import timezone

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
    parameters (a lookup that changes a value, such as `contains`, is refused); it selects no
    related rows; slicing needs a `build` with no limit of its own. Rows are model instances,
    or with `tuples` the values as the database gives them: only for columns that need no
    conversion (ids, texts, numbers)."""

    ordered = True  # Paginator asks

    def __init__(
        self,
        build: Callable[..., QuerySet],
        tuples: bool = False,
        varies_with: Callable[[], Hashable] = lambda: None,
        args: tuple[type, ...] = (),
    ):
        self.build = build
        self.tuples = tuples
        self.varies_with = varies_with
        self.stand_ins = tuple(_stand_in(kind, n) for n, kind in enumerate(args))
        self._sql: dict[tuple, tuple] = {}  # by (part, varies_with()): rows or count
        _every.append(self)

    def _compile(self, part: str) -> tuple:
        queryset = self.build(STAND_IN, *self.stand_ins)
        shown = queryset.order_by().values("pk") if part == "count" else queryset
        sql, params = shown.query.get_compiler(using=queryset.db).as_sql()
        if part == "count":
            sql = f"SELECT COUNT(*) FROM ({sql}) counted"
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
        return queryset.model, queryset.db, sql, tuple(params), slots

    def run(self, part: str, args: tuple = (), limits: tuple[int, int] | None = None) -> list:
        key = (part, self.varies_with())
        if key not in self._sql:
            self._sql[key] = self._compile(part)
        model, db, sql, params, slots = self._sql[key]
        params = list(params)
        now = connections[db].ops.adapt_datetimefield_value(timezone.now())
        for slot, arg in slots:
            params[slot] = now if arg == -1 else args[arg]
        if limits is not None:
            sql = f"{sql} LIMIT %s OFFSET %s"
            params += limits
        if part == "rows" and not self.tuples:
            return list(model.objects.db_manager(db).raw(sql, params))
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def bind(self, *args) -> "Bound":
        return Bound(self, args)

    def __iter__(self):
        return iter(self.bind())

    def __getitem__(self, window: slice) -> list:
        return self.bind()[window]

    def count(self) -> int:
        return self.bind().count()


@dataclass(frozen=True)
class Bound:
    """A CompiledList with its arguments: a list to iterate, slice and count."""

    compiled: CompiledList
    args: tuple
    ordered: ClassVar[bool] = True

    def __iter__(self):
        return iter(self.compiled.run("rows", self.args))

    def __getitem__(self, window: slice) -> list:
        start = window.start or 0
        return self.compiled.run("rows", self.args, (window.stop - start, start))

    def count(self) -> int:
        return self.compiled.run("count", self.args)[0][0]

    def first(self):
        """The first row, or None (as `QuerySet.first()`, for a list of one: by a unique key)."""
        return next(iter(self), None)


@receiver(setting_changed)
def _forget(**kwargs) -> None:
    # Another database or other languages (in tests) compile to other SQL.
    for compiled in _every:
        compiled._sql.clear()
