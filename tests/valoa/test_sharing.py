"""Articles and cases can be shared by email, on LinkedIn or by copying the address."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.factories import make_article, make_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def share_section(client, path: str):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    heading = soup.find("h2", string="Jaa")
    assert heading is not None, path
    return heading.find_parent("section")


@pytest.mark.parametrize("kind", ["article", "case"])
def test_share_links_carry_the_pages_address_and_title(client, kind):
    item = make_article(title="Dialogi & luottamus") if kind == "article" else make_case()
    address = settings.SITE_URL + item.get_absolute_url()

    share = share_section(client, item.get_absolute_url())

    email = urlsplit(share.find("a", string="Sähköpostilla")["href"])
    assert email.scheme == "mailto"
    assert parse_qs(email.query) == {"subject": [item.title], "body": [address]}
    linkedin = urlsplit(share.find("a", string="LinkedInissä")["href"])
    assert linkedin.netloc == "www.linkedin.com"
    assert parse_qs(linkedin.query) == {"url": [address]}


def test_the_address_is_selectable_without_javascript_and_the_copy_button_waits_for_it(client):
    case = make_case()

    share = share_section(client, case.get_absolute_url())

    field = share.find("input", id="jaa-linkki")
    assert field["value"] == settings.SITE_URL + case.get_absolute_url()
    assert field.has_attr("readonly")
    assert share.find("label", attrs={"for": "jaa-linkki"}).get_text() == "Sivun osoite"
    button = share.find("button", string="Kopioi linkki")
    assert button.has_attr("hidden") and button["data-copy"] == "jaa-linkki"
    assert share.find("script") is None


def test_share_links_follow_a_changed_title_and_each_pages_own_address(client):
    first, second = make_case(), make_case()
    for case in (first, second):
        share_section(client, case.get_absolute_url())
    first.title = "Uusi otsikko"
    first.save()

    for case in (first, second):
        share = share_section(client, case.get_absolute_url())
        email = urlsplit(share.find("a", string="Sähköpostilla")["href"])
        address = settings.SITE_URL + case.get_absolute_url()
        assert parse_qs(email.query) == {"subject": [case.title], "body": [address]}
