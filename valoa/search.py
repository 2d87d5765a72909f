"""Search across the site's published content, with one box in the header of every page.

Apps register a `SearchSource` for each kind of content in their AppConfig.ready() (insights
and cases do); `valoa` never imports them.

On PostgreSQL, Finnish full-text search uses a stored, weighted search vector on every
document (title A, lead B, body C; `finnish` configuration, GIN index; see
`update_search_vectors`). Ranking is done with ts_rank and snippets come from ts_headline.
Query words also match as stem prefixes, so "dialogi" finds "dialogisen" and "oppiminen" finds
"oppimisen", because the Finnish stemmer leaves -inen/-isen derivations apart. When nothing
matches, pg_trgm word similarity on titles still finds what a typo meant and suggests
"Tarkoititko…".

On SQLite, the zero-setup default, a simple FALLBACK is used: every query word must occur in
some text field (icontains). There is no stemming or typo tolerance, and SQLite's case
folding is ASCII only.

The work stays bounded at any size. A page is one query: a UNION ALL with one branch per
source (plus one for approved comments), each branch filtered through its own GIN index and
cut to its own best rows (ORDER BY rank LIMIT) before the branches are merged; the total is
one more query that only counts. The stored vectors are kept in the table's rows (storage
MAIN, see the search-vector storage migrations), so ranking every match reads no TOAST. A
document comes from one branch only: its comments find an article only when the article's own
text does not match (see `SearchSource.comment_branch`). Only the documents on the page that is
shown get a snippet.
"""

import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection, connections, transaction
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, TextField, Value, When
from django.http import HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from valoa import page_cache
from valoa.pagination import paginate

SEARCH_CONFIG = "finnish"
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Weights of ts_rank's defaults for D, C, B and A; the SQLite fallback ranks with the same.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
# How alike a title must be to a query with a typo (pg_trgm word similarity, 0 to 1).
TYPO_SIMILARITY = 0.45
SUGGESTION_SIMILARITY = 0.3
# Highlight markers for snippets: characters from Unicode's private use area, which the text is
# escaped around before they become <mark> tags (so nothing from the content is ever markup).
MARK_START, MARK_STOP = "\ue000", "\ue001"
VIA_COMMENT = "kommentti"

# websearch syntax: quoted phrases, "or" and -excluded words. Such queries are run as written;
# plain words also match as prefixes of their stems.
_OPERATORS = re.compile(r'"|(?:^|\s)-\w|\sor\s', re.IGNORECASE)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\ue000\ue001]")
_WORD = re.compile(r"\w+")


class SearchSource:
    """One kind of searchable content. Subclass it in an app and register an instance.

    The model has a `search_vector` field (kept up to date on save with
    `update_search_vectors`), `title`, `lead`, `published_at`, `updated_at`, a `themes`
    many-to-many relation to valoa.Theme and `get_absolute_url()`.
    """

    key: str = ""
    # Values of the "laji" filter this source answers to, with their labels.
    kinds: dict[str, str] = {}
    # Text fields and their weights, "A" (most important) to "D".
    fields: dict[str, str] = {}

    def documents(self) -> QuerySet:
        """The published documents, the only ones that can ever be found."""
        raise NotImplementedError

    def filter_kind(self, documents: QuerySet, kind: str) -> QuerySet:
        return documents

    def kind_of(self, document) -> str:
        return next(iter(self.kinds))

    def comment_branch(self, match: "Match", documents: QuerySet) -> QuerySet | None:
        """Rows (as `hit_rows`, `via=VIA_COMMENT`) for documents found through their comments.

        Only documents whose own text does not match belong here (`documents.exclude(
        match.q(self.fields))`), so that a document is found once. They rank below every
        document found by its own text (rank 0), newest first: asking only whether a matching
        comment exists reads no more comments than it takes to find one, however common the
        word.
        """
        return None

    @property
    def snippet_fields(self) -> list[str]:
        return [name for name, weight in self.fields.items() if weight != "A"]


_sources: list[SearchSource] = []


def register_source(source: SearchSource) -> SearchSource:
    if source.key not in {known.key for known in _sources}:
        _sources.append(source)
    return source


def sources() -> list[SearchSource]:
    return list(_sources)


def kind_choices() -> list[tuple[str, str]]:
    return [(kind, label) for source in _sources for kind, label in source.kinds.items()]


# Keeping the stored vectors up to date -----------------------------------------------------


def search_vector(fields: dict[str, str]) -> SearchVector:
    """The weighted Finnish search vector of a document's text fields, as an SQL expression."""
    vectors = [
        SearchVector(name, weight=weight, config=SEARCH_CONFIG) for name, weight in fields.items()
    ]
    return reduce(operator.add, vectors)


def update_search_vectors(
    queryset: QuerySet, fields: dict[str, str], *, invalidate: bool = True
) -> int:
    """Recompute the stored vectors of these rows (after a save, or after a bulk insert).

    Cached search pages must find them now: after a bulk insert the page cache is emptied. A
    model's save passes `invalidate=False` and leaves it to the rule that empties the cache
    only when the row is public (`page_cache.invalidate_on_change`), inside the same
    transaction so that the bump after the commit comes after the new vector."""
    if connections[queryset.db].vendor != "postgresql":
        return 0
    updated = queryset.update(search_vector=search_vector(fields))
    if invalidate:
        page_cache.invalidate()
    return updated


# Matching --------------------------------------------------------------------------------


class Match:
    """How a query finds and ranks documents: full-text search or the SQLite fallback."""

    def q(self, fields: dict[str, str]) -> Q:
        raise NotImplementedError

    def rank(self, fields: dict[str, str]):
        raise NotImplementedError

    def annotate_snippets(self, documents: QuerySet, fields: list[str]) -> QuerySet:
        return documents

    def snippet(self, document, fields: list[str]) -> SafeString:
        raise NotImplementedError


class FullTextMatch(Match):
    """PostgreSQL: the stored search vector, ranked with ts_rank, snippets with ts_headline."""

    def __init__(self, query: SearchQuery):
        self.query = query

    def q(self, fields):
        return Q(search_vector=self.query)

    def rank(self, fields):
        return SearchRank(F("search_vector"), self.query)

    def annotate_snippets(self, documents, fields):
        text = Func(Value("\n\n"), *fields, function="CONCAT_WS", output_field=TextField())
        return documents.annotate(
            search_snippet=SearchHeadline(
                text,
                self.query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )

    def snippet(self, document, fields):
        return render_snippet(document.search_snippet)


class CountOnly(Match):
    """The same matches without ranking: for counting them."""

    def __init__(self, match: Match):
        self.match = match

    def q(self, fields):
        return self.match.q(fields)

    def rank(self, fields):
        return Value(0.0)


class ContainsMatch(Match):
    """SQLite FALLBACK: each word must occur in some field; no stemming, ASCII-only case folding."""

    MAX_WORDS = 10

    def __init__(self, words: list[str]):
        self.words = words[: self.MAX_WORDS]

    def _contains(self, name: str, word: str) -> Q:
        return Q(**{f"{name}__icontains": word})

    def q(self, fields):
        """Every word in some field."""
        return reduce(
            operator.and_,
            (
                reduce(operator.or_, (self._contains(name, word) for name in fields))
                for word in self.words
            ),
        )

    def rank(self, fields):
        """The weights of the fields that contain any of the words, summed."""
        scores = [
            Case(
                When(
                    reduce(operator.or_, (self._contains(name, word) for word in self.words)),
                    then=Value(WEIGHTS[weight]),
                ),
                default=Value(0.0),
                output_field=FloatField(),
            )
            for name, weight in fields.items()
        ]
        return reduce(operator.add, scores)

    def snippet(self, document, fields):
        text = "\n\n".join(getattr(document, name) for name in fields)
        return highlight(text, self.words)


def postgres_match(text: str) -> FullTextMatch | None:
    """The full-text query for what a person typed, or None when it has no searchable words."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))", [SEARCH_CONFIG, text]
        )
        lexemes = cursor.fetchone()[0]
    if not lexemes:  # only stop words, punctuation, emoji…
        return None
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    if not _OPERATORS.search(text):
        prefixes = " & ".join(_prefix_term(lexeme) for lexeme in lexemes)
        query = query | SearchQuery(prefixes, search_type="raw", config="simple")
    return FullTextMatch(query)


def _prefix_term(lexeme: str) -> str:
    """A stem as a quoted prefix term of to_tsquery: 'dialog':* finds dialogi and dialogisen."""
    if len(lexeme) >= 6 and lexeme.endswith(("is", "in")):
        # oppiminen → oppimin, oppimisen → oppimis: both become oppim:*
        lexeme = lexeme[:-2]
    quoted = "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
    return f"{quoted}:*" if len(lexeme) >= 3 else quoted


def match_for(text: str) -> Match | None:
    if connection.vendor == "postgresql":
        return postgres_match(text)
    words = _WORD.findall(text)
    return ContainsMatch(words) if words else None


# Snippets --------------------------------------------------------------------------------

_MARKDOWN = [
    (re.compile(r"\[([^\]]*)\]\([^)\s]*\)"), r"\1"),  # [text](address) → text
    (re.compile(r"(^|\n)[ \t]*(?:#{1,6}|>|[-*+]|\d+\.)[ \t]+"), r"\1"),  # headings, lists, quotes
    (re.compile(r"\*\*|__|`+|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)"), ""),  # emphasis and code
]


def strip_markdown(text: str) -> str:
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def render_snippet(marked: str) -> SafeString:
    """Text with highlight markers as safe HTML: everything escaped, the markers made <mark>."""
    html, open_mark = [], False
    for part in re.split(f"([{MARK_START}{MARK_STOP}])", strip_markdown(marked or "")):
        if part == MARK_START:
            if not open_mark:
                html.append("<mark>")
                open_mark = True
        elif part == MARK_STOP:
            if open_mark:
                html.append("</mark>")
                open_mark = False
        else:
            html.append(escape(part))
    if open_mark:
        html.append("</mark>")
    return mark_safe("".join(html))  # every piece of text was escaped above


def highlight(text: str, words: Iterable[str], length: int = 260) -> SafeString:
    """A snippet around the first occurrence of any of the words, with the words marked."""
    text = strip_markdown(_CONTROL_CHARACTERS.sub(" ", text))
    words = sorted({word for word in words if word}, key=len, reverse=True)
    if not words:
        return render_snippet(Truncator(text).chars(length))
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = pattern.search(text)
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    excerpt = Truncator(text[start:]).chars(length)
    if start:
        excerpt = "…" + excerpt
    return render_snippet(pattern.sub(lambda m: MARK_START + m.group(0) + MARK_STOP, excerpt))


# Running a search ------------------------------------------------------------------------


@dataclass
class Hit:
    """One found document, as shown in the results."""

    source: SearchSource
    document: object
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

    @property
    def asked(self) -> bool:
        """True when a search was run (a page of results exists, even an empty one)."""
        return self.page is not None

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.page is not None else 0


def normalise_query(raw: str) -> tuple[str, bool]:
    """The query as searched: one line of text of at most MAX_QUERY_LENGTH characters."""
    text = " ".join(_CONTROL_CHARACTERS.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0].strip() or text[:MAX_QUERY_LENGTH], True


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
    documents = source.documents().prefetch_related(None).order_by()
    if kind:
        documents = source.filter_kind(documents, kind)
    if theme is not None:
        documents = documents.filter(themes=theme)
    return documents


class Rows:
    """The documents the branches find, one row per document (see `hit_rows`), best first.

    Sliced, it runs one query: each branch ranks its own matches and keeps only its best
    `stop` rows (ORDER BY … LIMIT, in the order of the whole), then the branches' rows are
    merged in that same order. The branches never find the same document twice (see
    `SearchSource.comment_branch`), so the merge needs no grouping. `count()` sums the
    branches' counts in another query.
    """

    ORDER = ("-hit_rank", "-hit_date", "-hit_id")

    def __init__(self, branches: list[QuerySet]):
        self.branches = branches
        self.db = branches[0].db

    def _sql(self, queryset: QuerySet) -> tuple[str, tuple]:
        return queryset.query.get_compiler(using=self.db).as_sql()

    def _fetch(self, sql: str, params: list) -> list[tuple]:
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count(self) -> int:
        counts, params = [], []
        for branch in self.branches:
            sql, branch_params = self._sql(branch)
            counts.append(f"(SELECT COUNT(*) FROM ({sql}) branch)")
            params.extend(branch_params)
        return self._fetch("SELECT " + " + ".join(counts), params)[0][0]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[tuple]:
        start, stop = window.start or 0, window.stop
        if stop <= start:
            return []
        selects, params = [], []
        for number, branch in enumerate(self.branches):
            sql, branch_params = self._sql(branch.order_by(*self.ORDER)[:stop])
            selects.append(f"SELECT * FROM ({sql}) branch_{number}")
            params.extend(branch_params)
        sql = (
            f"SELECT * FROM ({' UNION ALL '.join(selects)}) hits"
            " ORDER BY 3 DESC, 4 DESC, 1, 2 DESC LIMIT %s OFFSET %s"
        )
        return self._fetch(sql, [*params, stop - start, start])


def _branches(match: Match | None, kind: str, theme) -> list[QuerySet]:
    branches = []
    for source in _sources:
        if kind and kind not in source.kinds:
            continue
        documents = _documents(source, kind, theme)
        if match is None:  # browsing a theme or a kind: newest first
            branches.append(hit_rows(documents, source.key, Value(0.0)))
            continue
        found = documents.filter(match.q(source.fields))
        branches.append(hit_rows(found, source.key, match.rank(source.fields)))
        if (comments := source.comment_branch(match, documents)) is not None:
            branches.append(comments)
    return branches


def hits_for(rows: Iterable[tuple], match: Match | None) -> list[Hit]:
    """The documents of these rows, in their order, each with a snippet: one query per source."""
    rows = list(rows)
    by_source = {source.key: source for source in _sources}
    found = {}
    for key in {row[0] for row in rows}:
        source = by_source[key]
        pks = [row[1] for row in rows if row[0] == key]
        documents = source.documents().filter(pk__in=pks).defer("search_vector")
        if match is not None:
            documents = match.annotate_snippets(documents, source.snippet_fields)
        found.update({(key, document.pk): document for document in documents})
    hits = []
    for key, pk, _rank, _date, via in rows:
        if (document := found.get((key, pk))) is None:
            continue  # unpublished in between
        source = by_source[key]
        if match is None or via == VIA_COMMENT:
            snippet = render_snippet(Truncator(document.lead).chars(260))
        else:
            snippet = match.snippet(document, source.snippet_fields)
        hits.append(Hit(source, document, snippet, via_comment=via == VIA_COMMENT))
    return hits


def search(request: HttpRequest, raw_query: str, kind: str = "", theme=None) -> SearchResults:
    """Published documents matching the query and filters, a page at a time (`?sivu=`)."""
    text, truncated = normalise_query(raw_query)
    results = SearchResults(query=text, truncated=truncated)
    if not text and not kind and theme is None:
        return results  # nothing asked yet
    match = None
    if text:
        match = match_for(text)
        if match is None:
            results.no_words = True
            return results
    branches = _branches(match, kind, theme)
    if not branches:
        return results
    counted = _branches(CountOnly(match) if match else None, kind, theme)
    page = paginate(request, Rows(branches), RESULTS_PER_PAGE, count=Rows(counted).count)
    page.object_list = hits_for(page.object_list, match)
    results.page = page
    if not results.count and text and connection.vendor == "postgresql":
        results.close_matches = close_matches(text, kind, theme)
        results.suggestion = suggestion(text, [hit.title for hit in results.close_matches])
    return results


def latest(theme=None, limit: int = 20) -> list[Hit]:
    """The newest published documents of every source (in a theme): for feeds."""
    branches = _branches(None, "", theme)
    return hits_for(Rows(branches)[:limit], None) if branches else []


# Typos: pg_trgm ----------------------------------------------------------------------------


def close_matches(text: str, kind: str = "", theme=None) -> list[Hit]:
    """Documents whose title is like the query (for a query with a typo that found nothing)."""
    branches = []
    for source in _sources:
        if kind and kind not in source.kinds:
            continue
        documents = _documents(source, kind, theme).filter(title__trigram_word_similar=text)
        branches.append(hit_rows(documents, source.key, TrigramWordSimilarity(text, "title")))
    if not branches:
        return []
    with transaction.atomic(), connection.cursor() as cursor:
        # For this transaction only: a lower threshold than the default 0.6 of the %> operator.
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(TYPO_SIMILARITY)],
        )
        rows = Rows(branches)[:RESULTS_PER_PAGE]
    return hits_for(rows, None)


def trigrams(word: str) -> set[str]:
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(first: str, second: str) -> float:
    """pg_trgm's similarity of two words, in Python."""
    a, b = trigrams(first), trigrams(second)
    return len(a & b) / len(a | b) if a and b else 0.0


def suggestion(text: str, titles: list[str]) -> str:
    """'Did you mean': the query with each word replaced by the likest word of these titles."""
    candidates = {word.lower() for title in titles for word in _WORD.findall(title)}
    candidates = {word for word in candidates if len(word) >= 3}
    changed, words = False, []
    for word in text.split():
        if len(word) < 3:
            words.append(word)
            continue
        best = max(candidates, key=lambda candidate: similarity(word, candidate), default="")
        if best and best != word.lower() and similarity(word, best) >= SUGGESTION_SIMILARITY:
            words.append(best)
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else ""
