"""Step 1 results: counts per statement and level, so that the cost does not grow with the team.

Alone, one query counts the answers of this round and the earlier one. A team's results are
the rounds' published snapshots (`Round.publish_if_due`), never the live answers: they change
only in steps of at least the threshold. Everything else (averages, disagreement, themes,
chart) is arithmetic on those counts. Individual answers never leave this module: only counts.

The counts start from the participants of the two rounds (an index on the round), never from
the statements: a join from the statements would read every answer of every workbook.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, lru_cache

from django.conf import settings
from django.db.models import Count
from django.utils.formats import get_format

from valoa.models import Theme
from valoa.web import page_cache
from workbook.models import Answer, Level, Round, Statement

LEVELS = list(Level)
LEVEL_VALUES = Level.values  # Level.values builds a new list at every use


def _average(counts: list[int]) -> float | None:
    total = sum(counts)
    if not total:
        return None
    return sum(level * count for level, count in zip(LEVEL_VALUES, counts, strict=True)) / total


def level_labels() -> list[str]:
    """The levels' names in the current language."""
    return [str(level.label) for level in LEVELS]


@lru_cache(maxsize=4096)  # a page shows dozens; averages of small counts repeat
def shown(value: float) -> Decimal:
    """A value as it is shown: to one decimal, halves up."""
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_average(value: float | Decimal | None) -> str:
    """An average (1-3) or a change in one, as number_format would write it: in this range
    there are no thousands to group, so the language's decimal sign is all it adds."""
    if value is None:
        return "–"
    return f"{shown(value):.1f}".replace(".", get_format("DECIMAL_SEPARATOR"))


def format_change(change: Decimal | None) -> str:
    if change is None:
        return "–"
    if not change:
        return "±0"
    return ("+" if change > 0 else "−") + format_average(abs(change))


class Averages:
    """Averages of `counts` (this round) and `previous_counts` (the round before, or None).

    Worked out (and formatted) once, at the first use: a page shows each several times, and
    the counts do not change after the results are made.
    """

    counts: list[int]
    previous_counts: list[int] | None

    @cached_property
    def average(self) -> float | None:
        return _average(self.counts)

    @cached_property
    def average_display(self) -> str:
        return format_average(self.average)

    @cached_property
    def previous_average(self) -> float | None:
        return _average(self.previous_counts) if self.previous_counts else None

    @cached_property
    def previous_average_display(self) -> str:
        return format_average(self.previous_average)

    @cached_property
    def change(self) -> Decimal | None:
        """The change between the averages as they are shown: "2,8 → 3,0" is +0,2."""
        if self.average is None or self.previous_average is None:
            return None
        return shown(self.average) - shown(self.previous_average)

    @cached_property
    def change_display(self) -> str:
        return format_change(self.change)

    @cached_property
    def change_direction(self) -> str:
        change = self.change
        if not change:
            return "same"
        return "up" if change > 0 else "down"


@dataclass
class StatementResult(Averages):
    statement: Statement
    counts: list[int]  # how many chose level 1, 2, 3
    previous_counts: list[int] | None = None

    @property
    def name(self) -> str:
        return self.statement.text

    @cached_property
    def total(self) -> int:
        return sum(self.counts)

    @cached_property
    def disagreement(self) -> float:
        """The spread of the answers (variance of the levels): 0 when all agree."""
        average = self.average
        if average is None:
            return 0.0
        return (
            sum(
                count * (level - average) ** 2
                for level, count in zip(LEVEL_VALUES, self.counts, strict=True)
            )
            / self.total
        )

    @cached_property
    def chosen_level(self) -> Level | None:
        """Alone (one participant): the level that was chosen."""
        for level, count in zip(LEVELS, self.counts, strict=True):
            if count:
                return level
        return None

    @cached_property
    def levels(self) -> list[tuple[Level, int, int]]:
        """(level, count, percent) for showing the distribution."""
        total = self.total
        return [
            (level, count, round(100 * count / total) if total else 0)
            for level, count in zip(LEVELS, self.counts, strict=True)
        ]

    def distribution(self, labels: list[str]) -> str:
        """How many chose each level, in words: "Ei vielä toteudu: 2 · Toteutuu osittain: 5 · …"
        (counts without thousands separators, as the site shows them). `labels`: the levels'
        names, translated once for all statements (level_labels)."""
        return " · ".join(
            f"{label}: {count}" for label, count in zip(labels, self.counts, strict=True)
        )

    @cached_property
    def bar_segments(self) -> list[tuple[Level, float, float]]:
        """(level, x, width) on a 0-100 axis, for the small stacked bar."""
        total = self.total
        segments, x = [], 0.0
        for level, count in zip(LEVELS, self.counts, strict=True):
            width = 100 * count / total if total else 0
            if width:
                segments.append((level, round(x, 2), round(width, 2)))
            x += width
        return segments


@dataclass
class ThemeResult(Averages):
    theme: Theme
    statements: list[StatementResult] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.theme.name

    # Read once all its statements are in (`RoundResults.themes`, `Aggregate.themes`).
    @cached_property
    def counts(self) -> list[int]:
        return [sum(result.counts[index] for result in self.statements) for index in range(3)]

    @cached_property
    def previous_counts(self) -> list[int] | None:
        previous = [result.previous_counts for result in self.statements if result.previous_counts]
        if not previous:
            return None
        return [sum(counts[index] for counts in previous) for index in range(3)]


@dataclass
class RoundResults:
    round: Round
    participant_count: int
    statements: list[StatementResult]
    is_team: bool
    previous_round: Round | None = None
    previous_participant_count: int = 0
    # A team: how many have answered everything by now (the results may count fewer).
    answered_count: int = 0

    @property
    def threshold(self) -> int:
        return settings.WORKBOOK_TEAM_THRESHOLD

    @cached_property
    def visible(self) -> bool:
        """A team's results show only when enough have answered that nobody stands out."""
        if not self.is_team:
            return any(result.total for result in self.statements)
        return self.participant_count >= self.threshold

    @property
    def missing(self) -> int:
        """How many more complete answers a team needs before its results change (or show)."""
        return max(0, self.round.next_publication_at - self.answered_count)

    @property
    def unpublished(self) -> int:
        """Complete answers that the shown results do not count yet."""
        return max(0, self.answered_count - self.participant_count)

    @cached_property
    def previous_visible(self) -> bool:
        if self.previous_round is None:
            return False
        if self.is_team:
            return self.previous_participant_count >= self.threshold
        return any(
            result.previous_counts and sum(result.previous_counts) for result in self.statements
        )

    @cached_property
    def by_disagreement(self) -> list[StatementResult]:
        """Where the team disagrees most first: the best places to start talking."""
        return sorted(self.statements, key=lambda result: -result.disagreement)

    @cached_property
    def themes(self) -> list[ThemeResult]:
        themes: dict[int, ThemeResult] = {}
        for result in self.statements:
            theme = result.statement.theme
            themes.setdefault(theme.pk, ThemeResult(theme)).statements.append(result)
        return sorted(themes.values(), key=lambda item: (item.theme.order, item.theme.name))

    def _answered_themes(self) -> list[ThemeResult]:
        return [theme for theme in self.themes if theme.average is not None]

    @cached_property
    def all_equal(self) -> bool:
        """Every answered theme has the same average (or only one theme is answered)."""
        return len({theme.average for theme in self._answered_themes()}) <= 1

    @cached_property
    def strongest(self) -> list[ThemeResult]:
        themes = self._answered_themes()
        if self.all_equal:
            return []
        best = max(theme.average for theme in themes)
        return [theme for theme in themes if theme.average == best]

    @cached_property
    def weakest(self) -> list[ThemeResult]:
        themes = self._answered_themes()
        if self.all_equal:
            return []
        worst = min(theme.average for theme in themes)
        return [theme for theme in themes if theme.average == worst]

    @cached_property
    def focus_themes(self) -> list[Theme]:
        """The themes to recommend reading for: the weakest, or all when none stands out."""
        if self.weakest:
            return [result.theme for result in self.weakest]
        return [
            result.theme
            for result in self._answered_themes()
            if result.average is not None and result.average < Level.WELL
        ]

    @cached_property
    def is_complete(self) -> bool:
        return all(result.total for result in self.statements)

    def chart(self) -> dict:
        """Geometry of the summary's horizontal bar chart (0-3 scale), one bar per theme, and
        the figures of its table. Flat and ready to show: the template only reads them.
        Coordinates with decimals are strings, never localised ("12,5" is no SVG number)."""
        width, label_height, bar_height, gap, left, right = 640, 22, 22, 18, 8, 56
        plot = width - left - right
        rows, y = [], 30
        for theme in self._answered_themes():
            rows.append(
                {
                    "name": theme.name,
                    "average": theme.average_display,
                    "previous_average": theme.previous_average_display,
                    "counts": theme.counts,
                    "label_y": y + 15,
                    "bar_y": y + label_height,
                    "bar_width": str(round(plot * theme.average / 3, 1)),
                    "value_x": str(round(left + plot * theme.average / 3 + 6, 1)),
                    "value_y": y + label_height + 16,
                }
            )
            y += label_height + bar_height + gap
        grid = [
            {"x": str(round(left + plot * level / 3, 1)), "level": level} for level in LEVEL_VALUES
        ]
        return {
            "width": width,
            "height": y + 4,
            "left": left,
            "bar_height": bar_height,
            "rows": rows,
            "grid": grid,
            "grid_bottom": y - gap + 2,
        }


def shown_statements() -> list[Statement]:
    """The active statements with their themes: only what the results show of them."""
    return page_cache.kept_while_the_site_holds(
        "statements",
        lambda: list(
            Statement.objects.active()
            .select_related("theme")
            .only("text", "order", "theme__name", "theme__slug", "theme__order")
        ),
    )


def round_results(round_: Round, is_team: bool, rounds: list[Round] | None = None) -> RoundResults:
    """Counts per statement and level for this round and the one before, in a few queries: a
    team's from the published snapshots, alone from the answers. `rounds`: the workbook's
    rounds in order, when the page has them already (the one before is taken from them)."""
    if rounds is None:
        previous = round_.previous()
    else:
        earlier = [item for item in rounds if item.number < round_.number]
        previous = earlier[-1] if earlier else None
    if is_team:
        return _team_results(round_, previous)
    rounds = [round_.pk] + ([previous.pk] if previous else [])
    counts = {
        (round_pk, statement_pk, level): count
        for round_pk, statement_pk, level, count in Answer.objects.filter(
            participant__round__in=rounds
        )
        .values_list("participant__round", "statement", "level")
        .annotate(count=Count("pk"))
        .order_by()
    }

    def levels(round_pk: int, statement: Statement) -> list[int]:
        return [counts.get((round_pk, statement.pk, level), 0) for level in LEVEL_VALUES]

    return RoundResults(
        round=round_,
        participant_count=int(any(key[0] == round_.pk for key in counts)),
        statements=[
            StatementResult(
                statement=statement,
                counts=levels(round_.pk, statement),
                previous_counts=levels(previous.pk, statement) if previous else None,
            )
            for statement in shown_statements()
        ],
        is_team=False,
        previous_round=previous,
    )


def published(round_: Round | None) -> dict[str, list[int]] | None:
    """A team round's published counts, or None while they are not to be shown."""
    if round_ is None or round_.published_count < settings.WORKBOOK_TEAM_THRESHOLD:
        return None
    return round_.published_counts


def complete_count(round_: Round) -> int:
    """How many have answered everything: as counted with the round when it was read so
    (`RoundQuerySet.with_complete_counts`), else counted now."""
    counted = getattr(round_, "complete_count", None)
    return round_.complete_participants().count() if counted is None else counted


def _team_results(round_: Round, previous: Round | None) -> RoundResults:
    current, earlier = published(round_), published(previous)

    def levels(snapshot: dict[str, list[int]] | None, statement: Statement) -> list[int] | None:
        if snapshot is None:
            return None
        return list(snapshot.get(str(statement.pk), [0, 0, 0]))

    return RoundResults(
        round=round_,
        participant_count=round_.published_count if current is not None else 0,
        statements=[
            StatementResult(
                statement=statement,
                counts=levels(current, statement) or [0, 0, 0],
                previous_counts=levels(earlier, statement),
            )
            for statement in shown_statements()
        ],
        is_team=True,
        previous_round=previous,
        previous_participant_count=previous.published_count if earlier is not None else 0,
        answered_count=complete_count(round_),
    )
