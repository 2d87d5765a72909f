"""Suggestions ("Tarkoititko…"): another query to try when a query finds nothing or little.

A word may be replaced by a word of the published articles and cases (valoa.SearchWord) spelt
almost alike: one letter changed, added, left out or two swapped ("kokeliu" → kokeilu), two
in a long word. Words of the same family need no suggestion: the search finds them already
(analysis.ROOT). A word that merely looks alike is not enough ("yhteisössä" is not
"yhteisiä"), nor another form of the very same word, nor (when the query found something)
another word the dictionary knows. The caller offers the new query only if it finds more.
"""

from valoa.search.analysis import Term
from valoa.search.query import Query

# A query that finds fewer documents than this may get a suggestion.
FEW = 3
MAX_CANDIDATES = 2000


def edit_distance(first: str, second: str) -> int:
    """Letters changed, added, left out or swapped next to each other (optimal string
    alignment distance)."""
    rows = [list(range(len(second) + 1))]
    for i, a in enumerate(first, 1):
        row = [i]
        for j, b in enumerate(second, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def allowed_distance(word: str) -> int:
    return 0 if len(word) < 5 else 1 if len(word) < 8 else 2


def _finnish_lemmas(term: Term) -> set[str]:
    return {lemma for lemma in term.lemmas if lemma.endswith(":fi")}


def _replacement(term: Term, candidates: list[str]) -> str | None:
    """The closest other word for a term (fewest changes, then shortest). Forms of the very
    same word are no replacement."""
    own = _finnish_lemmas(term)
    limit = allowed_distance(term.form)
    close = sorted(
        (distance, len(word), word)
        for word in candidates
        if abs(len(word) - len(term.form)) <= limit
        and 0 < (distance := edit_distance(term.form, word)) <= limit
    )
    return next((word for *_, word in close if not own & _finnish_lemmas(Term.of(word))), None)


def suggestion(query: Query, found: int) -> str:
    """Another query to try, or "" (for plain queries of words that found fewer than FEW)."""
    from valoa.search.models import SearchWord

    if found >= FEW or not query.plain:
        return ""
    words, changed = [], False
    for term in query.terms:
        limit = allowed_distance(term.form)
        candidates = []
        # A word the dictionary knows is no typo when the query found something.
        if limit and not (found and term.known):
            candidates = SearchWord.objects.filter(
                start=term.form[:2],
                length__gte=len(term.form) - limit,
                length__lte=len(term.form) + limit,
            ).values_list("word", flat=True)[:MAX_CANDIDATES]
        better = _replacement(term, list(candidates))
        words.append(better or term.form)
        changed = changed or better is not None
    return " ".join(words) if changed else ""
