"""Every page has its own <title> and description, a canonical address, and Open Graph and
Twitter card tags, so that a shared link previews well (with the image of a case that has one)."""

from html.parser import HTMLParser

import pytest

from tests.factories import jpeg_bytes, make_article, make_case, upload

pytestmark = pytest.mark.django_db
SITE = "https://valoa.example.fi"


@pytest.fixture(autouse=True)
def _site(settings, tmp_path):
    settings.SITE_URL = SITE
    settings.MEDIA_ROOT = tmp_path / "media"


class Head(HTMLParser):
    """The title, <meta> and <link rel=canonical> of a page's <head>."""

    def __init__(self, html: str):
        super().__init__()
        self.title, self.meta, self.canonical = "", {}, []
        self._in_title = False
        self.feed(html.split("</head>", 1)[0])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs.get("property")] = attrs.get("content")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.fixture
def pages(client):
    article = make_article(title="Dialogi & kuuntelu", lead="Kirjoitus kuuntelemisesta.")
    case = make_case(title="Kävelypalaverit", lead="Kokeilu, jossa kävelimme.")
    pictured = make_case(
        title="Kuvallinen esimerkki",
        lead="Esimerkki, jossa on kuva.",
        image=upload("kuva.jpg", jpeg_bytes(1600, 900), "image/jpeg"),
        image_alt="Tiimi kävelee puistossa",
    )
    paths = [
        "/",
        "/oivallukset/",
        article.get_absolute_url(),
        "/innostu/",
        case.get_absolute_url(),
        pictured.get_absolute_url(),
        "/innostu/kerro/",
        "/tyokirja/",
        "/tietosuoja/",
        "/saavutettavuus/",
        "/haku/",
    ]
    heads = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        heads[path] = Head(response.content.decode())
    return {"heads": heads, "article": article, "case": case, "pictured": pictured}


def test_every_page_has_its_own_title_and_description(pages):
    heads = pages["heads"]
    titles = [head.title for head in heads.values()]
    descriptions = [head.meta.get("description") for head in heads.values()]

    assert all(title.endswith(" – VALOA") and len(title) > 8 for title in titles), titles
    assert len(set(titles)) == len(titles), titles
    assert all(descriptions), descriptions
    assert len(set(descriptions)) == len(descriptions), descriptions


def test_every_page_names_its_canonical_address_under_the_site_url(pages):
    for path, head in pages["heads"].items():
        assert head.canonical == [SITE + path], path
        assert head.meta["og:url"] == SITE + path, path


def test_every_page_has_open_graph_and_twitter_card_tags(pages):
    for path, head in pages["heads"].items():
        title = head.title.removesuffix(" – VALOA")
        assert head.meta["og:site_name"] == "VALOA", path
        assert head.meta["og:title"] == title, path
        assert head.meta["twitter:title"] == title, path
        assert head.meta["og:description"] == head.meta["description"], path
        assert head.meta["twitter:description"] == head.meta["description"], path
        assert head.meta["twitter:card"] in {"summary", "summary_large_image"}, path
        assert head.meta["og:type"] in {"website", "article"}, path


def test_an_article_previews_with_its_title_and_lead(pages):
    head = pages["heads"][pages["article"].get_absolute_url()]

    assert head.title == "Dialogi & kuuntelu – VALOA"
    assert head.meta["og:title"] == "Dialogi & kuuntelu"
    assert head.meta["og:description"] == "Kirjoitus kuuntelemisesta."
    assert head.meta["og:type"] == "article"
    assert head.meta["article:published_time"]


def test_a_case_with_an_image_previews_with_the_image(pages):
    pictured = pages["pictured"]
    head = pages["heads"][pictured.get_absolute_url()]

    assert head.meta["og:image"] == SITE + pictured.image.url
    assert head.meta["og:image:alt"] == "Tiimi kävelee puistossa"
    assert head.meta["og:image:width"] == str(pictured.image_width)
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == SITE + pictured.image.url


def test_a_case_without_an_image_has_a_plain_summary_card(pages):
    head = pages["heads"][pages["case"].get_absolute_url()]

    assert "og:image" not in head.meta
    assert head.meta["twitter:card"] == "summary"
    assert head.meta["og:type"] == "article"
