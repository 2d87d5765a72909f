"""Finnish full-text search on PostgreSQL: inflected forms, ranking, highlighting, typos, the
index. Skipped on SQLite (the fallback has no stemming); CI runs these on PostgreSQL."""

import re

import pytest
from django.db import connection

from insights.models import Article
from tests.cases.factories import make_case
from tests.factories import make_article
from valoa.search import update_search_vectors

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def page_for(client, query: str, **params) -> str:
    response = client.get("/haku/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def titles(client, query: str, **params) -> list[str]:
    page = page_for(client, query, **params)
    results = re.search(r'<ol class="search-results">(.*?)</ol>', page, re.S)
    return re.findall(r"<h3><a [^>]+>([^<]+)</a></h3>", results.group(1)) if results else []


KOKEILU = ["kokeilu", "kokeilun", "kokeiluista"]


@pytest.mark.parametrize("written", KOKEILU)
@pytest.mark.parametrize("searched", KOKEILU)
def test_inflected_forms_of_kokeilu_find_each_other(client, written, searched):
    make_article(title="Tiimin tarina", body=f"Kerromme tässä {written} vaiheista.")
    make_article(title="Muuta", body="Tässä ei ole hakusanaa.")

    assert titles(client, searched) == ["Tiimin tarina"]


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("dialogi", "dialogisen"),
        ("dialogisen", "dialogi"),
        ("dialogia", "dialoginen"),
        ("oppiminen", "oppimisen"),
        ("oppimisen", "oppiminen"),
        ("johtaminen", "johtamisesta"),
    ],
)
def test_derived_forms_find_each_other(client, written, searched):
    make_case(title="Kunnan tarina", lead=f"Meillä {written} on arkea.")
    make_case(title="Muuta", lead="Tässä ei ole hakusanaa.")

    assert titles(client, searched) == ["Kunnan tarina"]


def test_a_match_in_the_title_ranks_above_the_lead_and_the_body(client):
    make_article(
        title="Palaverikulttuuri",
        lead="Ingressi.",
        body="Kävelykokous on hyvä. Kävelykokous virkistää. Kävelykokouksessa puhutaan.",
    )
    make_article(title="Arjen kokemuksia", lead="Kävelykokous toimi meillä.", body="Teksti.")
    make_case(title="Kävelykokous kunnassa", lead="Ingressi.")

    assert titles(client, "kävelykokous") == [
        "Kävelykokous kunnassa",
        "Arjen kokemuksia",
        "Palaverikulttuuri",
    ]


def test_snippet_marks_the_inflected_word_that_matched(client):
    make_article(title="Tarina", lead="Alku.", body="Opimme **kokeiluista** paljon uutta.")

    page = page_for(client, "kokeilu")

    assert "<mark>kokeiluista</mark>" in page
    assert "**" not in re.search(r'<p class="snippet">(.*?)</p>', page, re.S).group(1)


def test_tags_in_the_content_never_reach_the_snippet_as_markup(client):
    make_article(
        title="Tarina",
        body='<script>alert("x")</script> <img src=x onerror=alert(1)> kokeilu & "lainaus"',
    )

    snippet = re.search(r'<p class="snippet">(.*?)</p>', page_for(client, "kokeilu"), re.S)

    assert snippet
    assert not re.findall(r"<(?!/?mark>)", snippet.group(1))
    assert "&amp;" in snippet.group(1)


def test_a_typo_still_finds_the_title_and_suggests_the_right_word(client):
    make_case(title="Kokeilu kävelypalavereista", lead="Ingressi.")

    page = page_for(client, "kokeliu")

    assert "löytyi 0 tulosta" in page
    assert "Lähellä hakuasi" in page
    assert "Kokeilu kävelypalavereista" in page
    assert 'Tarkoititko <a href="/haku/?q=kokeilu">kokeilu</a>?' in page


def test_quotes_and_minus_work_as_in_web_search(client):
    make_article(title="Jaettu johtajuus tiimissä", body="Teksti.")
    make_article(title="Johtajuus", body="Vastuu on jaettu tiimille.")
    make_article(title="Kävely metsässä", body="Teksti.")
    make_article(title="Kävely kaupungissa", body="Teksti.")

    assert titles(client, '"jaettu johtajuus"') == ["Jaettu johtajuus tiimissä"]
    assert titles(client, "kävely -metsä") == ["Kävely kaupungissa"]


def test_a_query_of_stop_words_only_says_so(client):
    make_article(title="Ja niin edelleen")

    page = page_for(client, "ja on")

    assert "Hakusanoissa ei ollut sanoja, joilla voisi hakea." in page


def test_the_vector_follows_edits(client):
    article = make_article(title="Vanha otsikko")
    article.title = "Kävelykokous"
    article.save()

    assert titles(client, "kävelykokous") == ["Kävelykokous"]
    assert titles(client, "vanha") == []


def test_rows_inserted_in_bulk_become_searchable_with_update_search_vectors(client):
    Article.objects.bulk_create(
        [
            Article(
                title=f"Joukkotuonti {number}",
                slug=f"joukkotuonti-{number}",
                lead="Ingressi.",
                body="Teksti.",
                author_name="Kirjoittaja",
                status=Article.Status.PUBLISHED,
            )
            for number in range(3)
        ]
    )
    assert titles(client, "joukkotuonti") == []

    update_search_vectors(Article.objects.all(), Article.SEARCH_FIELDS)

    assert len(titles(client, "joukkotuonti")) == 3


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("insights_article", ["search_vector"]),
        ("insights_article", ["title"]),
        ("insights_comment", ["search_vector"]),
        ("cases_case", ["search_vector"]),
        ("cases_case", ["title"]),
    ],
)
def test_search_columns_have_gin_indexes(table, columns):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)

    assert any(
        index["columns"] == columns and index["type"] == "gin" for index in constraints.values()
    )


def test_the_query_can_use_the_index(client):
    for number in range(30):
        make_article(title=f"Artikkeli {number}", body="Tavallista tekstiä.")
    make_article(title="Kävelykokous")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM insights_article WHERE search_vector @@ "
            "(websearch_to_tsquery('finnish', 'kävelykokous') "
            "|| to_tsquery('simple', '''kävelykokous'':*'))"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "insights_article_search_vector_gin" in plan
