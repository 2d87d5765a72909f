"""The search page makes as many queries with 200 matching documents as with one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Case
from tests.factories import make_article, make_case, make_comment, theme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

THEMES = ["dialogi", "oppiminen-arjessa"]


def add_documents(count: int) -> None:
    for number in range(count):
        article = make_article(title=f"Kokeilu {number}", body="Kokeilu kävelykokouksista.")
        article.themes.set([theme(slug) for slug in THEMES])
        make_comment(article, body="Hyvä kokeilu. Metsäretki oli paras.")
        kind = Case.Kind.CASE if number % 2 else Case.Kind.EXPERIMENT
        make_case(title=f"Kokeilu kunnassa {number}", kind=kind, themes=THEMES)


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
