""" "Tarkoititko…": another query to try, when a query finds nothing or little.

Each word may be replaced by a word of the published articles and cases (valoa.SearchWord)
that is of its family (derived from the same root: "johtajuudesta" → johtaminen) or spelt
almost alike (one or two letters changed, left out or swapped: "kokeliu" → kokeilu). A word
that merely looks alike is not enough ("yhteisössä" is not "yhteisiä"). The caller offers the
new query only if it finds more.
"""

from django.db.models import Q

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


def _replacement(term: Term, families: dict[str, str]) -> str | None:
    """The best other word for a term: of its family first (the shortest, usually the base
    form), else the closest spelling. Forms of the very same word are no replacement."""
    own = _finnish_lemmas(term)

    def other(word: str) -> bool:
        return word != term.form and not own & _finnish_lemmas(Term.of(word))

    limit = allowed_distance(term.form)
    family = sorted((len(word), word) for word, root in families.items() if root == term.family)
    close = sorted(
        (distance, len(word), word)
        for word in families
        if word[:2] == term.form[:2]
        and abs(len(word) - len(term.form)) <= limit
        and 0 < (distance := edit_distance(term.form, word)) <= limit
    )
    return next((found[-1] for found in [*family, *close] if other(found[-1])), None)


def suggestion(query: Query, found: int) -> str:
    """Another query to try, or "" (for plain queries of words that found fewer than FEW)."""
    from valoa.models import SearchWord

    if found >= FEW or not query.plain:
        return ""
    terms = query.terms
    wanted = Q(family__in=[term.family for term in terms])
    for term in terms:
        limit = allowed_distance(term.form)
        if limit:
            wanted |= Q(
                start=term.form[:2],
                length__gte=len(term.form) - limit,
                length__lte=len(term.form) + limit,
            )
    rows = SearchWord.objects.filter(wanted).values_list("word", "family")[:MAX_CANDIDATES]
    families = dict(rows)
    words, changed = [], False
    for term in terms:
        better = _replacement(term, families)
        words.append(better or term.form)
        changed = changed or better is not None
    return " ".join(words) if changed else ""
