"""Running a search: a page of hits from every source, best first, each with its snippet.

The work stays bounded at any size. A page and its total are one query (see `Rows`): a UNION
ALL with one branch per source (plus one for articles found through approved comments), each
branch filtered through its own index, counted, and cut to its own best rows (ORDER BY rank
LIMIT; only the newest MOST matches of a branch are ranked) before the branches are
merged. A document comes from one branch only:
its comments find an article only when the article's own text does not match (see
`SearchSource.comment_branch`). Only the documents on the page that is shown get a snippet.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import F, QuerySet, Value
from django.http import HttpRequest
from django.utils.safestring import SafeString

from valoa.search import typos
from valoa.search.matching import Match, match_for
from valoa.search.query import normalise_query, parse
from valoa.search.snippets import Positions, lead_html, marked_html, snippet_html, title_html
from valoa.search.sources import SearchSource, sources
from valoa.web.pagination import paginate

RESULTS_PER_PAGE = 10
CLOSE_MATCHES = 5
# A query ranks and counts at most this many matches of each source.
MOST = 500
VIA_COMMENT = "kommentti"


@dataclass
class Hit:
    """One found document, as shown in the results."""

    source: SearchSource
    document: object
    title_html: SafeString
    snippet: SafeString
    via_comment: bool = False

    @property
    def kind(self) -> str:
        return self.source.kind_of(self.document)

    @property
    def kind_label(self) -> str:
        return self.source.kinds[self.kind]

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def url(self) -> str:
        return self.document.get_absolute_url()

    @property
    def date(self):
        return self.document.published_at


@dataclass
class SearchResults:
    query: str = ""
    truncated: bool = False
    page: object = None  # a Page of Hits, or None when nothing was asked
    close_matches: list[Hit] = field(default_factory=list)
    suggestion: str = ""
    no_words: bool = False  # the query had nothing to search with (only stop words, emoji…)
    more: bool = False  # more were found than counted: "yli `count`"

    @property
    def asked(self) -> bool:
        """True when a search was run (a page of results exists, even an empty one)."""
        return self.page is not None

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.page is not None else 0


def hit_rows(queryset: QuerySet, key: str, rank, date="published_at", pk="pk", via="") -> QuerySet:
    """Rows of the results' UNION: (source, id, rank, date, via), the same columns everywhere."""
    return queryset.annotate(
        hit_source=Value(key),
        hit_id=F(pk),
        hit_rank=rank,
        hit_date=date if not isinstance(date, str) else F(date),
        hit_via=Value(via),
    ).values_list("hit_source", "hit_id", "hit_rank", "hit_date", "hit_via")


def _documents(source: SearchSource, kind: str, theme) -> QuerySet:
    documents = source.documents().order_by()
    if kind:
        documents = source.filter_kind(documents, kind)
    if theme is not None:
        documents = documents.filter(themes=theme)
    return documents


@dataclass
class Branch:
    """Rows of one branch (see `hit_rows`), and the query that counts its matches (for a
    query's branches, at most MOST + 1 of them)."""

    rows: QuerySet
    counted: QuerySet


class Rows:
    """The documents the branches find, one row per document (see `hit_rows`), best first.

    One query gives a page and the total: each branch keeps only its best `stop` rows (ORDER
    BY … LIMIT, in the order of the whole) and the branches' rows are merged in that same
    order. The branches never find the same document twice (see
    `SearchSource.comment_branch`), so the merge needs no grouping. A branch that gives fewer
    than `stop` rows has been counted by that; only the others count their matches, and a
    query's branch stops counting past MOST ("yli 500 tulosta"). `count()` fetches the rows
    up to `stop` (the end of the page asked for) and keeps them for the page.
    """

    ORDER = "3 DESC, 4 DESC, 1, 2 DESC"  # rank, date, source, id

    def __init__(self, branches: list[Branch], stop: int = RESULTS_PER_PAGE, capped=False):
        self.branches = branches
        self.db = branches[0].rows.db
        self.stop = stop
        self.capped = capped  # whether the branches count at most MOST + 1
        self.more = False  # whether a branch found more than MOST
        self.fetched: tuple[int, list[tuple], int] | None = None  # (stop, rows, total)

    def _sql(self, queryset: QuerySet) -> tuple[str, tuple]:
        return queryset.query.get_compiler(using=self.db).as_sql()

    def _fetch(self, stop: int) -> tuple[list[tuple], list[int]]:
        selects, counts, params, count_params = [], [], [], []
        for number, branch in enumerate(self.branches):
            sql, branch_params = self._sql(branch.rows)
            selects.append(
                f"SELECT * FROM (SELECT *, {number} AS hit_branch FROM ({sql}) ranked"
                f" ORDER BY {self.ORDER} LIMIT %s) branch_{number}"
            )
            params += [*branch_params, stop]
            given = f"(SELECT COUNT(*) FROM hits WHERE hit_branch = {number})"
            sql, branch_params = self._sql(branch.counted)
            counts.append(
                f"CASE WHEN {given} < %s THEN {given}"
                f" ELSE (SELECT COUNT(*) FROM ({sql}) counted_{number}) END"
            )
            count_params += [min(stop, MOST) if self.capped else stop, *branch_params]
        sql = (
            f"WITH hits AS ({' UNION ALL '.join(selects)})"
            f" SELECT hit_source, hit_id, hit_rank, hit_date, hit_via, {', '.join(counts)}"
            f" FROM hits ORDER BY {self.ORDER} LIMIT %s"
        )
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, [*params, *count_params, stop])
            found = cursor.fetchall()
        # Every branch that matches anything gives a row: no rows, nothing found.
        return [row[:5] for row in found], list(found[0][5:]) if found else []

    def _rows(self, stop: int) -> tuple[list[tuple], int]:
        if self.fetched is None or self.fetched[0] < stop:
            rows, counts = self._fetch(stop)
            if self.capped:
                self.more = any(count > MOST for count in counts)
                counts = [min(count, MOST) for count in counts]
            self.fetched = (stop, rows, sum(counts))
        return self.fetched[1], self.fetched[2]

    def count(self) -> int:
        return self._rows(self.stop)[1]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[tuple]:
        start, stop = window.start or 0, window.stop
        return self._rows(stop)[0][start:stop] if stop > start else []


def page_end(request: HttpRequest) -> int:
    """Where the page asked for (`?sivu=`) ends, to fetch it with the total in one query."""
    number = request.GET.get("sivu", "")
    return RESULTS_PER_PAGE * (int(number) if re.fullmatch("[1-9][0-9]{0,3}", number) else 1)


def _branches(match: Match | None, kind: str, theme) -> list[Branch]:
    branches = []
    for source in sources():
        if kind and kind not in source.kinds:
            continue
        documents = _documents(source, kind, theme)
        if match is None:  # browsing a theme or a kind: newest first
            rows = hit_rows(documents, source.key, Value(0.0))
            branches.append(Branch(rows, rows))
            continue
        found = documents.filter(match.q(source.document))
        # Only the newest MOST matches are ranked (and counted): a word in thousands of
        # documents costs no more than one in hundreds.
        newest = found.order_by("-published_at", "-pk").values("pk")
        ranked = documents.filter(pk__in=newest[:MOST])
        branches.append(
            Branch(hit_rows(ranked, source.key, match.rank(source.document)), newest[: MOST + 1])
        )
        if (comments := source.comment_branch(match, documents)) is not None:
            branches.append(Branch(comments, comments.order_by()[: MOST + 1]))
    return branches


def hits_for(rows: Iterable[tuple], match: Match | None) -> list[Hit]:
    """The documents of these rows, in their order, each with a snippet: one query per source."""
    rows = list(rows)
    by_source = {source.key: source for source in sources()}
    found = {}
    for key in {row[0] for row in rows}:
        source = by_source[key]
        pks = [row[1] for row in rows if row[0] == key]
        documents = source.documents().for_list().filter(pk__in=pks).defer("search_vector")
        if match is not None:
            documents = match.annotate_positions(documents, source.document)
        found.update({(key, document.pk): document for document in documents})
    hits = []
    for key, pk, _rank, _date, via in rows:
        if (document := found.get((key, pk))) is None:
            continue  # unpublished in between
        source = by_source[key]
        if match is None or via == VIA_COMMENT:
            title, snippet = marked_html(document.title, []), lead_html(document)
        else:
            positions = Positions(document, source.fields)
            matched = match.positions(document, source.document)
            title = title_html(positions, matched)
            snippet = snippet_html(positions, source.snippet_fields, matched)
        hits.append(Hit(source, document, title, snippet, via_comment=via == VIA_COMMENT))
    return hits


def search(request: HttpRequest, raw_query: str, kind: str = "", theme=None) -> SearchResults:
    """Published documents matching the query and filters, a page at a time (`?sivu=`)."""
    text, truncated = normalise_query(raw_query)
    results = SearchResults(query=text, truncated=truncated)
    if not text and not kind and theme is None:
        return results  # nothing asked yet
    match = None
    if text:
        query = parse(text)
        if query is None:
            results.no_words = True
            return results
        match = match_for(query)
    branches = _branches(match, kind, theme)
    if not branches:
        return results
    rows = Rows(branches, stop=page_end(request), capped=match is not None)
    page = paginate(request, rows, RESULTS_PER_PAGE, count=rows.count)
    results.more = rows.more
    page.object_list = hits_for(page.object_list, match)
    results.page = page
    if match is not None:
        suggest(results, match, kind, theme)
    return results


def suggest(results: SearchResults, match: Match, kind: str, theme) -> None:
    """ "Tarkoititko…" for a query that found little, if the other query finds more; and when
    nothing was found, the other query's best documents."""
    text = typos.suggestion(match.query, results.count)
    if not text:
        return
    rows = Rows(_branches(match_for(parse(text)), kind, theme), CLOSE_MATCHES, capped=True)
    if rows.count() <= results.count:
        return
    results.suggestion = text
    if not results.count:
        results.close_matches = hits_for(rows[:CLOSE_MATCHES], None)


def latest(theme=None, limit: int = 20) -> list[Hit]:
    """The newest published documents of every source (in a theme): for feeds."""
    branches = _branches(None, "", theme)
    return hits_for(Rows(branches)[:limit], None) if branches else []
