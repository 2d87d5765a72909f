"""The list, case and home pages make as many queries with 200 cases as with one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_case, make_cases

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

THEMES = ["dialogi", "jaettu-johtajuus", "oppiminen-arjessa"]


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/innostu/",
        "/innostu/?sivu=2",
        "/innostu/?laji=esimerkki&teema=dialogi&sektori=kunta",
        "/innostu/esimerkki-1/",
        "/",
    ],
)
def test_the_number_of_queries_does_not_grow_with_the_number_of_cases(
    client, url, django_assert_max_num_queries
):
    make_case(themes=THEMES)
    with_one = queries_for(client, url.replace("?sivu=2", ""))

    make_cases(199, themes=THEMES)

    with django_assert_max_num_queries(with_one):
        response = client.get(url)
    assert response.status_code == 200
