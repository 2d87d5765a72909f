"""What a reader typed, as a query: words, "quoted phrases", -excluded words and "or".

The syntax is that of web search (and of PostgreSQL's websearch_to_tsquery): words are all
required, "a or b" takes either, a quoted phrase wants its words in that order, a leading
minus excludes. Nothing typed is ever syntax for a database: the query becomes a tree of
tokens (see `Node`) that matching.py writes out for PostgreSQL or SQLite.
"""

import re
from dataclasses import dataclass, field

from valoa.search.analysis import QUERY_STOP_WORDS, Term, words

MAX_QUERY_LENGTH = 200
# More words than this are not searched by (a pasted paragraph is not a query).
MAX_WORDS = 10

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\ue000\ue001]")
_PIECES = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


def normalise_query(raw: str) -> tuple[str, bool]:
    """The query as searched: one line of text of at most MAX_QUERY_LENGTH characters."""
    text = " ".join(_CONTROL_CHARACTERS.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0].strip() or text[:MAX_QUERY_LENGTH], True


@dataclass
class Item:
    """A word, or a quoted phrase of words; `excluded` with a leading minus."""

    terms: list[Term]
    phrase: bool = False
    excluded: bool = False


@dataclass
class Query:
    """Either of `alternatives` (split by "or"), each a list of items that must all match."""

    alternatives: list[list[Item]] = field(default_factory=list)

    @property
    def terms(self) -> list[Term]:
        """The words searched for (not the excluded ones), each once."""
        found = {}
        for items in self.alternatives:
            for item in items:
                if not item.excluded:
                    found.update((term.form, term) for term in item.terms)
        return list(found.values())

    @property
    def plain(self) -> bool:
        """Only words: no phrase, no exclusion, no "or" (a suggestion may replace words)."""
        return len(self.alternatives) == 1 and not any(
            item.phrase or item.excluded for item in self.alternatives[0]
        )


def parse(text: str) -> Query | None:
    """The query for a normalised text, or None when it has nothing to search with (only
    stop words, punctuation, emoji…)."""
    alternatives: list[list[Item]] = [[]]
    count = 0
    for match in _PIECES.finditer(text):
        phrase_minus, phrase, word_minus, piece = match.groups()
        if piece is not None and piece.lower() == "or":
            alternatives.append([])
            continue
        forms = [form for _start, _end, form in words(phrase if piece is None else piece)]
        if piece is not None:  # a phrase keeps its stop words, plain words do not
            forms = [form for form in forms if form not in QUERY_STOP_WORDS]
        forms = forms[: MAX_WORDS - count]
        if not forms:
            continue
        count += len(forms)
        terms = [Term.of(form) for form in forms]
        if piece is None and len(terms) > 1:
            alternatives[-1].append(Item(terms, phrase=True, excluded=bool(phrase_minus)))
        else:
            excluded = bool(phrase_minus if piece is None else word_minus)
            alternatives[-1].extend(Item([term], excluded=excluded) for term in terms)
    usable = [items for items in alternatives if any(not item.excluded for item in items)]
    return Query(usable) if usable else None


# The query as a tree of tokens ---------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A query tree: "token", or an operator ("or", "and", "not", "phrase") over children."""

    op: str
    children: tuple = ()
    token: str = ""


def token(text: str) -> Node:
    return Node("token", token=text)


def either(nodes) -> Node:
    nodes = tuple(dict.fromkeys(nodes))  # each once
    return nodes[0] if len(nodes) == 1 else Node("or", nodes)


def term_node(term: Term, in_phrase: bool = False) -> Node:
    """What finds one word: its form, a base form, a compound with it as a part, a word of
    its root, or (a compound typed from its parts) every part. In a phrase only whole words
    count."""
    if in_phrase:
        return either(map(token, term.whole))
    options = [token(text) for text in (*term.whole, *term.as_part, *term.root)]
    if term.groups:
        options.append(Node("and", tuple(either(map(token, group)) for group in term.groups)))
    return either(options)


def item_node(item: Item) -> Node:
    if item.phrase:
        return Node("phrase", tuple(term_node(term, in_phrase=True) for term in item.terms))
    return term_node(item.terms[0])


def filter_tree(query: Query) -> Node:
    """Which documents match: the whole query with its phrases, exclusions and "or"."""
    alternatives = []
    for items in query.alternatives:
        wanted = [item_node(item) for item in items if not item.excluded]
        unwanted = [Node("not", (item_node(item),)) for item in items if item.excluded]
        nodes = wanted + unwanted
        alternatives.append(nodes[0] if len(nodes) == 1 else Node("and", tuple(nodes)))
    return either(alternatives)


def ranking_trees(query: Query) -> list[Node]:
    """How well a document matches, in three parts that are added up: any way that finds a
    word, a whole word (form or base form), and the very form typed. A document found by the
    form typed thus ranks above one found by a base form, and that above one found by a
    compound part or a root."""
    terms = query.terms
    return [
        either(term_node(term) for term in terms),
        either(token(text) for term in terms for text in term.whole),
        either(token(term.form) for term in terms),
    ]
