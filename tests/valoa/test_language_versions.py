"""Every page links to itself in each interface language: the switcher and hreflang links."""

import pytest

from tests.factories import make_article
from tests.form_pages import parse

pytestmark = pytest.mark.django_db


def switcher(page) -> dict:
    links = page.select("nav.language-switcher a")
    return {a["hreflang"]: (a["href"], a.get("aria-current")) for a in links}


def alternates(page) -> dict:
    return {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}


def test_a_page_links_to_itself_in_each_language_with_its_query(client, settings):
    article = make_article()
    path = article.get_absolute_url()

    page = parse(client.get(f"/sv{path}?sivu=2").content.decode())

    assert switcher(page) == {
        "fi": (f"{path}?sivu=2", None),
        "sv": (f"/sv{path}?sivu=2", "true"),
        "en": (f"/en{path}?sivu=2", None),
    }
    assert alternates(page) == {
        "fi": settings.SITE_URL + path,
        "sv": f"{settings.SITE_URL}/sv{path}",
        "en": f"{settings.SITE_URL}/en{path}",
        "x-default": settings.SITE_URL + path,
    }


def test_each_page_gets_its_own_addresses(client):
    """The addresses are reused by the page's view and arguments, never another page's."""
    first, second = (make_article().get_absolute_url() for _ in range(2))
    for path, query in ((first, ""), (second, ""), (second, "?sivu=2"), (first, "")):
        page = parse(client.get(f"/en{path}{query}").content.decode())
        assert switcher(page)["fi"] == (path + query, None)
        assert alternates(page)["fi"].endswith(path)


def test_a_missing_page_links_to_the_address_as_asked(client, settings):
    page = parse(client.get("/en/ei-ole/?x=1").content.decode())

    assert {href for href, _current in switcher(page).values()} == {"/en/ei-ole/?x=1"}
    assert set(alternates(page).values()) == {f"{settings.SITE_URL}/en/ei-ole/"}
    assert switcher(page)["en"][1] == "true"


def test_a_long_made_up_address_links_to_itself_as_asked(client):
    path = "/oivallukset/" + "x" * 400 + "/"

    page = parse(client.get("/sv" + path).content.decode())

    assert switcher(page) == {
        "fi": (path, None),
        "sv": ("/sv" + path, "true"),
        "en": ("/en" + path, None),
    }
