"""The home page shows the three newest published cases next to the newest insights."""

import pytest

from cases.models import Case
from tests.factories import make_case
from tests.form_pages import hrefs

pytestmark = pytest.mark.django_db


def test_the_three_newest_published_cases_are_on_the_home_page(client):
    for number in range(4):
        make_case(title=f"Kotisivun tapaus {number}")
    make_case(title="Luonnos etusivulle", status=Case.Status.DRAFT)

    page = client.get("/").content.decode()

    assert "Uusimmat esimerkit ja kokeilut" in page
    for number in range(3):
        assert f"Kotisivun tapaus {number}" in page
    assert "Kotisivun tapaus 3" not in page
    assert "Luonnos etusivulle" not in page
    assert page.index("Kotisivun tapaus 0") < page.index("Kotisivun tapaus 1")
    assert {"/innostu/", "/innostu/kerro/"} <= set(hrefs(page))


def test_an_empty_site_says_so_on_the_home_page(client):
    assert "Esimerkkejä ja kokeiluja ei ole vielä julkaistu." in client.get("/").content.decode()
