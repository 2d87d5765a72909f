"""The search page makes as many queries with 200 matching documents as with one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Case
from tests.factories import make_articles, make_cases, make_comments

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

THEMES = ["dialogi", "oppiminen-arjessa"]


def add_documents(count: int) -> None:
    """`count` articles with a comment each, and as many cases (every other an experiment)."""
    articles = make_articles(
        count,
        THEMES,
        each=lambda number: {"title": f"Kokeilu {number}"},
        body="Kokeilu kävelykokouksista.",
    )
    make_comments(articles, body="Hyvä kokeilu. Metsäretki oli paras.")
    make_cases(
        count,
        THEMES,
        each=lambda number: {
            "title": f"Kokeilu kunnassa {number}",
            "kind": Case.Kind.CASE if number % 2 else Case.Kind.EXPERIMENT,
        },
    )


def queries_for(client, params: dict) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/haku/", params)
    assert response.status_code == 200
    return len(captured)


SEARCHES = [
    {"q": "kokeilu"},
    {"q": "kokeilu", "sivu": "2"},
    {"q": "kokeilu", "laji": "kokeilu", "teema": "dialogi"},
    {"q": "metsäretki"},  # found through comments
    {"q": "kokeliu"},  # a typo: close matches by title on PostgreSQL
    {"q": "zzyyxx"},
    {"teema": "dialogi"},
    {},
]


def test_search_queries_do_not_grow_with_the_number_of_documents(client):
    add_documents(1)
    with_one = [queries_for(client, params) for params in SEARCHES]

    add_documents(199)
    with_two_hundred = [queries_for(client, params) for params in SEARCHES]

    # A page may come from fewer sources than before (fewer queries), never from more.
    for params, few, many in zip(SEARCHES, with_one, with_two_hundred, strict=True):
        assert many <= few, params
