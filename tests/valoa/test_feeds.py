"""RSS and Atom feeds of insights, of cases and of each theme: valid XML, published items only,
absolute links, and linked from the pages with <link rel="alternate">."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from cases.models import Case
from insights.models import Article
from tests.factories import make_article, make_case, theme
from tests.form_pages import parse

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://valoa.example.fi"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def content():
    article = make_article(title="Dialogi & <kuunteleminen>", lead="Miten kuuntelemme.")
    article.themes.set([theme("dialogi")])
    make_article(title="Luonnos", status=Article.Status.DRAFT)
    make_article(title="Tuleva", published_at=timezone.now() + timezone.timedelta(days=2))
    make_case(title="Kävelypalaverit", kind=Case.Kind.EXPERIMENT, themes=["dialogi"])
    make_case(title="Jaettu vastuu", themes=["jaettu-johtajuus"])
    make_case(title="Keskeneräinen", status=Case.Status.DRAFT, themes=["dialogi"])
    return article


def rss(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def atom(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def rss_titles(channel) -> list[str]:
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(feed) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def test_insights_rss_lists_published_articles_with_absolute_links(client, content):
    channel = rss(client, "/oivallukset/syote/rss/")

    assert channel.findtext("title") == "VALOA – Oivallukset"
    assert channel.findtext("link") == f"{SITE}/oivallukset/"
    assert rss_titles(channel) == ["Dialogi & <kuunteleminen>"]
    item = channel.find("item")
    assert item.findtext("link") == SITE + content.get_absolute_url()
    assert item.findtext("description") == "Miten kuuntelemme."
    assert item.findtext("pubDate")
    assert [category.text for category in item.findall("category")] == ["Dialogi"]


def test_insights_atom_lists_the_same_articles(client, content):
    feed = atom(client, "/oivallukset/syote/atom/")

    assert atom_titles(feed) == ["Dialogi & <kuunteleminen>"]
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}/oivallukset/syote/atom/"
    assert feed.find(f"{ATOM}entry/{ATOM}updated").text


def test_cases_feeds_list_published_cases_with_their_kind(client, content):
    assert rss_titles(rss(client, "/innostu/syote/rss/")) == [
        "Kokeilu: Kävelypalaverit",
        "Tapausesimerkki: Jaettu vastuu",
    ]
    assert atom_titles(atom(client, "/innostu/syote/atom/")) == [
        "Kokeilu: Kävelypalaverit",
        "Tapausesimerkki: Jaettu vastuu",
    ]


def test_a_theme_feed_has_every_kind_of_content_of_that_theme_only(client, content):
    channel = rss(client, "/teemat/dialogi/syote/rss/")

    assert channel.findtext("title") == "VALOA – teema: Dialogi"
    assert sorted(rss_titles(channel)) == [
        "Artikkeli: Dialogi & <kuunteleminen>",
        "Kokeilu: Kävelypalaverit",
    ]
    assert sorted(atom_titles(atom(client, "/teemat/dialogi/syote/atom/"))) == [
        "Artikkeli: Dialogi & <kuunteleminen>",
        "Kokeilu: Kävelypalaverit",
    ]


def test_an_unknown_theme_has_no_feed(client):
    assert client.get("/teemat/ei-ole/syote/rss/").status_code == 404


def alternates(client, url: str) -> set[str]:
    head = parse(client.get(url).content.decode()).head
    return {
        link["href"]
        for link in head.find_all("link", rel="alternate", href=True)
        if re.fullmatch(r"application/[a-z]+\+xml", link.get("type", ""))
    }


def test_pages_link_to_their_feeds(client, content):
    case = Case.objects.get(title="Kävelypalaverit")
    insights = {"/oivallukset/syote/rss/", "/oivallukset/syote/atom/"}
    cases = {"/innostu/syote/rss/", "/innostu/syote/atom/"}
    dialogue = {"/teemat/dialogi/syote/rss/", "/teemat/dialogi/syote/atom/"}

    assert alternates(client, "/") == insights | cases
    assert alternates(client, "/oivallukset/") == insights
    assert alternates(client, content.get_absolute_url()) == insights
    assert alternates(client, "/innostu/") == cases
    assert alternates(client, case.get_absolute_url()) == cases
    assert alternates(client, "/innostu/?teema=dialogi") == cases | dialogue
    assert alternates(client, "/haku/?teema=dialogi") == dialogue
