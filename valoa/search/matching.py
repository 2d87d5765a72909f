"""How a query finds and ranks rows: its token tree (query.py) written out for the database.

PostgreSQL: a tsquery against the stored `search_vector` (GIN index), ranked with ts_rank.
SQLite: an FTS5 MATCH expression against `<table>_fts`, ranked by the weights of the columns
that match. Both rank the same way: by the field's weight (title A, lead B, body C, comments
D), and (query.ranking_trees) a document found by the very form typed above one found by a
base form, and a whole word above a compound part. Every token is quoted by us: nothing a
reader typed reaches the SQL as syntax.
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQueryField
from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL

from valoa.search import index
from valoa.search.query import Node, Query, filter_tree, ranking_trees
from valoa.search.sources import Indexed

# The weights of an FTS5 table's columns for A, B, C and D: ts_rank's defaults.
FTS_WEIGHTS = (1.0, 0.4, 0.2, 0.1)


class Match:
    """How a query finds and ranks documents."""

    def __init__(self, query: Query):
        self.query = query

    @property
    def tokens(self) -> set[str]:
        """Every token that marks a word as found (for highlighting)."""
        return {token for term in self.query.terms for token in term.tokens}

    def q(self, indexed: Indexed) -> Q:
        raise NotImplementedError

    def rank(self, indexed: Indexed):
        raise NotImplementedError

    def annotate_positions(self, documents, indexed: Indexed):
        """The documents, each with what tells `positions()` where the query's words are."""
        raise NotImplementedError

    def positions(self, document, indexed: Indexed) -> set[int]:
        raise NotImplementedError


# PostgreSQL --------------------------------------------------------------------------------


def tsquery(node: Node) -> str:
    """The tree as tsquery text, to be cast with ::tsquery (no parsing, no stemming)."""
    if node.op == "token":
        return "'" + node.token.replace("\\", "\\\\").replace("'", "''") + "'"
    if node.op == "not":
        return "!" + tsquery(node.children[0])
    joiner = {"or": " | ", "and": " & ", "phrase": " <-> "}[node.op]
    return "(" + joiner.join(tsquery(child) for child in node.children) + ")"


class TsQuery(Func):
    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()


class Matches(Func):
    """vector @@ query"""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class TsRank(Func):
    function = "ts_rank"
    output_field = FloatField()


class PostgresMatch(Match):
    def __init__(self, query: Query):
        super().__init__(query)
        self.filter = tsquery(filter_tree(query))
        self.ranking = [tsquery(tree) for tree in ranking_trees(query)]

    def q(self, indexed):
        return Q(Matches(F("search_vector"), TsQuery(Value(self.filter))))

    def rank(self, indexed):
        ranks = [TsRank(F("search_vector"), TsQuery(Value(text))) for text in self.ranking]
        return reduce(operator.add, ranks)

    def annotate_positions(self, documents, indexed):
        sql, params = index.matched_positions_sql(sorted(self.tokens))
        return documents.annotate(search_positions=RawSQL(sql, params))

    def positions(self, document, indexed):
        return set(document.search_positions or ())


# SQLite ------------------------------------------------------------------------------------


def fts5(node: Node) -> str:
    """The tree as an FTS5 MATCH expression. A phrase is the words typed, or their base forms,
    in order (the `forms` and `lemmas` columns hold one token per word)."""
    if node.op == "token":
        return '"' + node.token.replace('"', '""') + '"'
    if node.op == "phrase":
        forms = [child_tokens(child)[0] for child in node.children]
        phrases = [f'forms : "{" ".join(forms)}"']
        for language in ("fi", "sv", "en"):
            lemmas = [
                min((t for t in child_tokens(child) if t.endswith(":" + language)), default=form)
                for child, form in zip(node.children, forms, strict=True)
            ]
            phrases.append(f'lemmas : "{" ".join(lemmas)}"')
        return "(" + " OR ".join(dict.fromkeys(phrases)) + ")"
    if node.op == "or":
        return "(" + " OR ".join(fts5(child) for child in node.children) + ")"
    # "and": FTS5's NOT is binary, "a NOT b"; an "and" always has a wanted child first.
    wanted = [fts5(child) for child in node.children if child.op != "not"]
    unwanted = [fts5(child.children[0]) for child in node.children if child.op == "not"]
    text = "(" + " AND ".join(wanted) + ")"
    return "(" + " NOT ".join([text, *unwanted]) + ")" if unwanted else text


def child_tokens(node: Node) -> list[str]:
    return (
        [node.token] if node.op == "token" else [t for c in node.children for t in child_tokens(c)]
    )


class FtsRank(Func):
    """How a row of the model's FTS5 table matches a MATCH expression: the weights of the
    columns (A 1.0, B 0.4, C 0.2, D 0.1, as ts_rank's) in which it matches, added up. (bm25
    would weigh a word found in most rows as nothing.)"""

    output_field = FloatField()

    def __init__(self, table: str, expression: str):
        super().__init__(F("pk"))
        self.table, self.expression = table, expression

    def as_sql(self, compiler, connection, **extra):
        pk, params = compiler.compile(self.source_expressions[0])
        parts, values = [], []
        for column, weight in zip(index.FTS_COLUMNS, FTS_WEIGHTS, strict=False):
            parts.append(
                f"{weight} * EXISTS(SELECT 1 FROM {self.table}"
                f" WHERE {self.table} MATCH %s AND rowid = {pk})"
            )
            values += [f"{column} : ({self.expression})", *params]
        return "(" + " + ".join(parts) + ")", values


class FtsColumns(Func):
    """A row's weight columns of the FTS5 table, joined by newlines."""

    output_field = TextField()

    def __init__(self, table: str):
        super().__init__(F("pk"))
        self.table = table

    def as_sql(self, compiler, connection, **extra):
        pk, params = compiler.compile(self.source_expressions[0])
        columns = " || char(10) || ".join(index.FTS_COLUMNS[:4])
        return f"(SELECT {columns} FROM {self.table} WHERE rowid = {pk})", params


class FtsMatch(Match):
    def __init__(self, query: Query):
        super().__init__(query)
        self.filter = fts5(filter_tree(query))
        self.ranking = [fts5(tree) for tree in ranking_trees(query)]

    def q(self, indexed):
        table = index.fts_table(indexed)
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [self.filter]))

    def rank(self, indexed):
        table = index.fts_table(indexed)
        return reduce(operator.add, [FtsRank(table, text) for text in self.ranking])

    def annotate_positions(self, documents, indexed):
        return documents.annotate(search_columns=FtsColumns(index.fts_table(indexed)))

    def positions(self, document, indexed):
        return index.positions_from_fts(document.search_columns, indexed, self.tokens)


def match_for(query: Query) -> Match:
    return PostgresMatch(query) if connection.vendor == "postgresql" else FtsMatch(query)
