"""Every Innostu page: one h1, landmarks, labelled fields, no inline scripts or styles (CSP)."""

import pytest

from tests import page_checks
from tests.factories import make_case
from tests.form_pages import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client):
    case = make_case(themes=["dialogi"])
    make_case(themes=["dialogi"])
    addresses = ["/innostu/", "/innostu/?laji=kokeilu", case.get_absolute_url()]
    return {address: parse(client.get(address).content.decode()) for address in addresses}


def test_every_page_has_one_h1_in_main_no_inline_scripts_or_styles_and_its_css(pages):
    for address, page in pages.items():
        assert page_checks.broken_rules(page) == [], address
        assert any(href.endswith("css/cases.css") for href in page_checks.stylesheets(page))


def test_every_visible_field_of_the_filters_has_a_label(pages):
    assert pages["/innostu/"].find("select"), "the list has its filters"
    assert page_checks.unlabelled_fields(pages["/innostu/"]) == []


def test_case_pages_are_open_to_search_engines(pages):
    for address, page in pages.items():
        assert not page_checks.kept_out_of_search_engines(page), address
