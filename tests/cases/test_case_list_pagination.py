"""The case list is paginated, and the filters stay on when moving between pages."""

import pytest

from cases.models import Case
from cases.views import CASES_PER_PAGE
from tests.factories import make_case
from tests.form_pages import hrefs

pytestmark = pytest.mark.django_db


def test_the_list_is_split_into_pages_newest_first(client):
    for number in range(CASES_PER_PAGE + 2):
        make_case(title=f"Tapaus numero {number:02d}")

    first = client.get("/innostu/").content.decode()
    second = client.get("/innostu/?sivu=2").content.decode()

    assert "Sivu 1 / 2" in first
    assert "Tapaus numero 00" in first  # the newest
    assert "Tapaus numero 13" not in first
    assert "Tapaus numero 13" in second
    assert "Tapaus numero 00" not in second
    assert 'rel="next"' in first
    assert 'rel="prev"' in second


def test_the_page_links_keep_the_filters(client):
    for number in range(CASES_PER_PAGE + 1):
        make_case(title=f"Kokeilu {number}", kind=Case.Kind.EXPERIMENT)

    page = client.get("/innostu/?laji=kokeilu").content.decode()

    assert "?laji=kokeilu&sivu=2" in hrefs(page)


def test_an_odd_page_number_gives_a_page_not_an_error(client):
    make_case(title="Ainoa tapaus")

    for number in ("999", "kaksi", "-1"):
        response = client.get(f"/innostu/?sivu={number}")
        assert response.status_code == 200
        assert "Ainoa tapaus" in response.content.decode()


def test_a_short_list_has_no_pagination(client):
    make_case()

    assert "Sivutus" not in client.get("/innostu/").content.decode()


@pytest.mark.usefixtures("no_page_cache")
def test_the_page_links_follow_a_changed_number_of_pages(client):
    """The links are rendered once per address and page count, not once for good."""
    for number in range(CASES_PER_PAGE + 1):
        make_case(title=f"Tapaus numero {number:02d}")
    assert "Sivu 1 / 2" in client.get("/innostu/").content.decode()

    for number in range(CASES_PER_PAGE):
        make_case(title=f"Uusi tapaus {number:02d}")
    first, third = (client.get(f"/innostu/?sivu={n}").content.decode() for n in (1, 3))

    assert "Sivu 1 / 3" in first
    assert "Sivu 3 / 3" in third and 'rel="next"' not in third
    assert "?sivu=2" in hrefs(third)
