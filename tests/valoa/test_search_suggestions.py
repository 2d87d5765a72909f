""" "Tarkoititko…": offered only when a query finds nothing or little, only a word of close
spelling from published text, and only when it finds more. On SQLite and PostgreSQL alike."""

import pytest

from insights.models import Article
from tests.factories import make_article, make_case, make_comment
from tests.form_pages import hrefs
from tests.valoa.search_page import search_page

pytestmark = pytest.mark.django_db


def test_a_typo_gets_the_word_and_what_it_finds(client):
    make_case(title="Kokeilu kävelypalavereista", lead="Ingressi.")

    page = search_page(client, "kokeliu")

    assert "löytyi 0 tulosta" in page.html
    assert page.suggestion == "Tarkoititko kokeilu?"
    assert "/haku/?q=kokeilu" in hrefs(page.html)
    assert page.close_matches == ["Kokeilu kävelypalavereista"]


def test_a_word_that_only_looks_alike_is_not_suggested(client):
    make_case(title="Viisi kuntaa ratkoo yhteisiä haasteita", lead="Ingressi.")

    page = search_page(client, "yhteisössä")

    assert page.titles == []
    assert page.suggestion == ""


def test_a_query_that_finds_enough_gets_no_suggestion(client):
    for number in range(3):
        make_article(title=f"Kokeilu {number}")
    make_article(title="Kokeilut", body="Kokeilut ja kokeilua.")
    make_case(title="Koekilu", lead="Kirjoitusvirhe otsikossa.")

    page = search_page(client, "koekilu")  # finds the one, and kokeilu would find four more

    assert page.titles == ["Koekilu"]
    assert page.suggestion == "Tarkoititko kokeilu?"
    assert search_page(client, "kokeilu").suggestion == ""


def test_a_known_word_that_found_something_is_not_replaced(client):
    make_article(title="Tiimi", body="Tiimi kokoontuu.")
    for number in range(4):
        make_article(title=f"Tiili {number}", body="Tiili on rakennusaine.")

    page = search_page(client, "tiimi")

    assert page.titles == ["Tiimi"]
    assert page.suggestion == ""


@pytest.mark.parametrize("where", ["draft", "comment"])
def test_words_of_drafts_and_comments_are_never_suggested(client, where):
    if where == "draft":
        make_article(title="Salaprojekti", status=Article.Status.DRAFT)
    else:
        make_comment(make_article(title="Muuta"), body="Salaprojekti")

    page = search_page(client, "salaprojkti")

    assert page.suggestion == ""
    assert page.close_matches == []
