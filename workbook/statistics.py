"""All teams together: the site owner's aggregate view in the admin, and a team beside all teams.

Only published results count (each team's latest published snapshot of a round, with at least
WORKBOOK_TEAM_THRESHOLD answers), and only sums are shown:

- nothing about fewer than MIN_TEAMS teams: a quarter or a sector with fewer is left out, and
  a sector is also left out when the teams of the quarter that no shown sector covers would
  be one to four (they could be worked out by subtracting the shown sectors from the quarter);
- a team sees all teams beside its own only when at least COMPARISON_MIN_TEAMS teams have
  results, from a stored `Benchmark` that changes only after at least MIN_TEAMS teams have
  new results (so comparing it before and after shows no single team).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cases.models import Sector
from valoa.content.compiled import CompiledList
from workbook.models import Benchmark, Round, Statement, Workbook
from workbook.results import StatementResult, ThemeResult

MIN_TEAMS = 5
COMPARISON_MIN_TEAMS = 10


@dataclass(frozen=True)
class TeamResult:
    """One team's published results of one round (never shown on its own)."""

    workbook_id: int
    sector: str
    quarter: tuple[int, int]
    participants: int
    counts: dict[str, list[int]]


@dataclass
class Aggregate:
    """The sum of several teams' results."""

    teams: int = 0
    participants: int = 0
    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, teams: int, participants: int, counts: dict[str, list[int]]) -> None:
        self.teams += teams
        self.participants += participants
        for statement, levels in counts.items():
            total = self.counts.setdefault(statement, [0, 0, 0])
            for index, count in enumerate(levels):
                total[index] += count

    def statements(self, statements: list[Statement]) -> list[StatementResult]:
        return [
            StatementResult(item, list(self.counts.get(str(item.pk), [0, 0, 0])))
            for item in statements
        ]

    def themes(self, statements: list[Statement]) -> list[ThemeResult]:
        themes: dict[int, ThemeResult] = {}
        for result in self.statements(statements):
            theme = result.statement.theme
            themes.setdefault(theme.pk, ThemeResult(theme)).statements.append(result)
        return sorted(themes.values(), key=lambda item: (item.theme.order, item.theme.name))


def quarter_of(moment) -> tuple[int, int]:
    local = timezone.localtime(moment)
    return local.year, (local.month - 1) // 3 + 1


def published_rounds():
    """Team rounds whose published results count: at least the threshold of answers."""
    return Round.objects.filter(
        workbook__mode=Workbook.Mode.TEAM,
        published_count__gte=settings.WORKBOOK_TEAM_THRESHOLD,
    )


def team_results(per_quarter: bool) -> list[TeamResult]:
    """Each team's latest published round: per quarter (of the round's start) or of all time.
    One query, whatever the number of teams."""
    latest: dict[tuple, TeamResult] = {}
    rows = published_rounds().values_list(
        "workbook_id", "workbook__sector", "created_at", "published_count", "published_counts"
    )
    for workbook_id, sector, created_at, count, counts in rows.order_by("workbook_id", "number"):
        quarter = quarter_of(created_at)
        key = (workbook_id, quarter) if per_quarter else workbook_id
        latest[key] = TeamResult(workbook_id, sector, quarter, count, counts)
    return list(latest.values())


def aggregate(teams: list[TeamResult]) -> Aggregate:
    total = Aggregate()
    for team in teams:
        total.add(1, team.participants, team.counts)
    return total


def shown_sectors(teams: list[TeamResult]) -> dict[str, list[TeamResult]]:
    """The sectors of these teams that may be shown beside their total (see the module)."""
    by_sector: dict[str, list[TeamResult]] = defaultdict(list)
    for team in teams:
        by_sector[team.sector].append(team)
    shown = {
        sector: members
        for sector, members in by_sector.items()
        if sector and len(members) >= MIN_TEAMS
    }
    while shown:
        rest = len(teams) - sum(len(members) for members in shown.values())
        if rest == 0 or rest >= MIN_TEAMS:
            break
        del shown[min(shown, key=lambda sector: (len(shown[sector]), sector))]
    return shown


@dataclass
class Quarter:
    year: int
    number: int
    total: Aggregate | None  # None: fewer than MIN_TEAMS teams
    sectors: dict[str, Aggregate]  # only those that may be shown
    hidden_teams: bool  # some teams' results are counted in no shown group

    @property
    def sector_names(self) -> list[tuple[str, Aggregate]]:
        labels = dict(Sector.choices)
        return [(labels[sector], total) for sector, total in sorted(self.sectors.items())]


def quarters() -> list[Quarter]:
    """Every quarter with team results, newest first, with the groups that may be shown."""
    by_quarter: dict[tuple[int, int], list[TeamResult]] = defaultdict(list)
    for team in team_results(per_quarter=True):
        by_quarter[team.quarter].append(team)
    result = []
    for (year, number), teams in sorted(by_quarter.items(), reverse=True):
        if len(teams) < MIN_TEAMS:
            result.append(Quarter(year, number, None, {}, True))
            continue
        sectors = {sector: aggregate(members) for sector, members in shown_sectors(teams).items()}
        result.append(Quarter(year, number, aggregate(teams), sectors, False))
    return result


def publish_benchmark_if_due() -> bool:
    """Store all teams' results anew when at least MIN_TEAMS teams have published results
    since the last time, and at least COMPARISON_MIN_TEAMS teams have results at all."""
    last = Benchmark.objects.order_by("-generation").first()
    changed = published_rounds()
    if last is not None:
        changed = changed.filter(published_at__gt=last.created_at)
    if changed.values("workbook").distinct().count() < MIN_TEAMS:
        return False
    teams = team_results(per_quarter=False)
    if len(teams) < COMPARISON_MIN_TEAMS:
        return False
    total = aggregate(teams)
    try:
        with transaction.atomic():
            Benchmark.objects.create(
                generation=last.generation + 1 if last else 1,
                teams=total.teams,
                participants=total.participants,
                counts=total.counts,
            )
    except IntegrityError:  # another process stored this generation at the same moment
        return False
    return True


# The newest stored results of all teams (a list of one at most), SQL written once: the summary
# reads it with its other queries in one round trip.
LATEST_BENCHMARK = CompiledList(lambda now: Benchmark.objects.order_by("-generation")[:1])


def benchmark_themes(
    statements: list[Statement], benchmark: Benchmark | None
) -> tuple[Benchmark, dict[int, ThemeResult]]:
    """All teams' averages by theme in `benchmark`, the newest stored (None when too few
    teams have results)."""
    if benchmark is None or benchmark.teams < COMPARISON_MIN_TEAMS:
        return None, {}
    total = Aggregate(benchmark.teams, benchmark.participants, benchmark.counts)
    return benchmark, {theme.theme.pk: theme for theme in total.themes(statements)}
