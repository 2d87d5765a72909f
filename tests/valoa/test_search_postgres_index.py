"""PostgreSQL: the index is the rows' stored tsvector of analysed tokens, weighted by field,
with a GIN index that the search's queries use."""

import pytest
from django.db import connection

from tests.factories import make_article, make_comment
from valoa.search.matching import PostgresMatch
from valoa.search.query import parse

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize("table", ["insights_article", "insights_comment", "cases_case"])
def test_search_vectors_have_gin_indexes(table):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)

    assert any(
        index["columns"] == ["search_vector"] and index["type"] == "gin"
        for index in constraints.values()
    )


def test_the_vector_holds_forms_base_forms_and_parts_weighted_by_field():
    article = make_article(title="Kotihoidon tiimi", lead="Ingressi.", body="Kokeiluista.")
    comment = make_comment(article, body="Kävelykokous.")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT search_vector FROM insights_article WHERE id = %s)::text,"
            " (SELECT search_vector FROM insights_comment WHERE id = %s)::text",
            [article.pk, comment.pk],
        )
        article_vector, comment_vector = cursor.fetchone()

    for lexeme in ["'kotihoidon':1A", "'kotihoito:fi':1A", "'koti:osa':1A", "'hoito:osa':1A"]:
        assert lexeme in article_vector
    assert "'kokeilu:fi':6C" in article_vector  # after the title, a gap, the lead, a gap
    # A base form that is the word itself is stored once; weight D is written without a letter.
    assert comment_vector == "'kokous:osa':1 'kävely:osa':1 'kävelykokous':1"


def test_the_query_can_use_the_index(client):
    for number in range(30):
        make_article(title=f"Artikkeli {number}", body="Tavallista tekstiä.")
    make_article(title="Kävelykokous")
    match = PostgresMatch(parse("kävelykokouksesta"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM insights_article WHERE search_vector @@ %s::tsquery",
            [match.filter],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "insights_article_search_vector_gin" in plan
