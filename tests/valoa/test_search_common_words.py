"""A word found in very many documents: the newest MOST of each kind are ranked and counted,
and the page says that there were more (the work stays the same however common the word)."""

import pytest
from django.utils import timezone

from tests.factories import make_article, make_case
from tests.form_pages import parse, text
from tests.valoa.search_page import search_page
from valoa.search import results

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.now() - timezone.timedelta(days=days)


def test_the_newest_matches_are_ranked_and_the_reader_told_there_were_more(client, monkeypatch):
    monkeypatch.setattr(results, "MOST", 3)
    for number in range(4):
        make_article(title=f"Kokeilu {number}", published_at=days_ago(number + 1))
    make_case(title="Kokeilu kunnassa")
    make_case(title="Toinen kokeilu")

    page = search_page(client, "kokeilu")

    assert "Haulla ”kokeilu” löytyi yli 5 tulosta." in page.html
    assert sorted(page.titles) == [
        "Kokeilu 0",
        "Kokeilu 1",
        "Kokeilu 2",
        "Kokeilu kunnassa",
        "Toinen kokeilu",
    ]


def test_a_word_in_fewer_documents_is_counted_exactly(client, monkeypatch):
    monkeypatch.setattr(results, "MOST", 3)
    for number in range(3):
        make_article(title=f"Kokeilu {number}")

    page = search_page(client, "kokeilu")

    assert "Haulla ”kokeilu” löytyi 3 tulosta" in page.html
    assert "yli" not in text(parse(page.html).find(class_="result-count"))
