"""The lists every public page reads (home, insights, cases), with their SQL written once.

Building and compiling a queryset costs Django more than PostgreSQL needs to answer it: some
0.4 ms of Python for a list of cards the database returns in 0.1 ms, several times a page
(issue 18). A `CompiledList` asks the ORM for its SQL once per process, with a stand-in for the
one value that changes between requests (the moment that decides what is published), and then
runs that SQL with the current moment: the same rows, as the same model instances
(`QuerySet.raw()`), for half the work. Only for querysets that select no related rows (raw SQL
makes one model per row).
"""

from collections.abc import Callable, Hashable
from datetime import UTC, datetime

from django.core.signals import setting_changed
from django.db import connections
from django.db.models import QuerySet
from django.dispatch import receiver
from django.utils import timezone

# A moment no real query asks about, so that it is found among the compiled parameters.
STAND_IN = datetime(1901, 12, 13, 20, 45, 52, 654321, tzinfo=UTC)
_every: list["CompiledList"] = []


class CompiledList:
    """What `build(now)` selects, in its order: iterated whole, sliced and counted as a
    queryset is (a Paginator takes it), each part's SQL compiled once per process (and per
    value of `varies_with()`, when the SQL depends on more: the language, say).

    `build` must give the same SQL whatever `now` is, apart from that value, and select no
    related rows; slicing needs a `build` with no limit of its own. Rows are model instances,
    or with `tuples` the values as the database gives them: only for columns that need no
    conversion (ids, texts)."""

    ordered = True  # Paginator asks

    def __init__(
        self,
        build: Callable[[datetime], QuerySet],
        tuples: bool = False,
        varies_with: Callable[[], Hashable] = lambda: None,
    ):
        self.build = build
        self.tuples = tuples
        self.varies_with = varies_with
        self._sql: dict[tuple, tuple] = {}  # by (part, varies_with()): rows or count
        _every.append(self)

    def _run(self, part: str, limits: tuple[int, int] | None = None) -> list:
        key = (part, self.varies_with())
        if key not in self._sql:
            queryset = self.build(STAND_IN)
            shown = queryset.order_by().values("pk") if part == "count" else queryset
            sql, params = shown.query.get_compiler(using=queryset.db).as_sql()
            if part == "count":
                sql = f"SELECT COUNT(*) FROM ({sql}) counted"
            stand_in = connections[queryset.db].ops.adapt_datetimefield_value(STAND_IN)
            slots = tuple(i for i, param in enumerate(params) if param == stand_in)
            self._sql[key] = (queryset.model, queryset.db, sql, tuple(params), slots)
        model, db, sql, params, slots = self._sql[key]
        params = list(params)
        now = connections[db].ops.adapt_datetimefield_value(timezone.now())
        for slot in slots:
            params[slot] = now
        if limits is not None:
            sql = f"{sql} LIMIT %s OFFSET %s"
            params += limits
        if part == "rows" and not self.tuples:
            return list(model.objects.db_manager(db).raw(sql, params))
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def __iter__(self):
        return iter(self._run("rows"))

    def __getitem__(self, window: slice) -> list:
        start = window.start or 0
        return self._run("rows", (window.stop - start, start))

    def count(self) -> int:
        return self._run("count")[0][0]


@receiver(setting_changed)
def _forget(**kwargs) -> None:
    # Another database or other languages (in tests) compile to other SQL.
    for compiled in _every:
        compiled._sql.clear()
