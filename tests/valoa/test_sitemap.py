"""sitemap.xml lists every published page with lastmod and nothing else; robots.txt points at it
and keeps the admin, searches and private links out."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from cases.models import Case
from insights.models import Article
from tests.factories import make_article, make_author, make_case

pytestmark = pytest.mark.django_db
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE = "https://valoa.example.fi"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def entries(client) -> dict[str, str | None]:
    """Finnish address (no language prefix) → its lastmod."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{NS}urlset"
    return {
        url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod") for url in root.findall(f"{NS}url")
    }


def day(moment) -> str:
    """A lastmod as the sitemap writes it: the date in the site's time zone."""
    return timezone.localdate(moment).isoformat()


def test_lists_published_articles_and_cases_with_lastmod(client):
    article = make_article(title="Julkaistu")
    case = make_case(title="Julkaistu esimerkki")

    listed = entries(client)

    assert listed[SITE + article.get_absolute_url()] == day(article.updated_at)
    assert listed[SITE + case.get_absolute_url()] == day(case.updated_at)


def test_never_lists_drafts_or_future_content(client):
    make_article(title="Luonnos", slug="luonnos", status=Article.Status.DRAFT)
    make_article(slug="tuleva", published_at=timezone.now() + timezone.timedelta(days=1))
    make_case(slug="luonnosesimerkki", status=Case.Status.DRAFT)

    listed = entries(client)

    assert not [url for url in listed if "luonnos" in url or "tuleva" in url]


def test_lists_the_home_list_and_static_pages(client):
    article = make_article()
    make_case()

    listed = entries(client)

    for path in ["/", "/oivallukset/", "/innostu/", "/innostu/kerro/", "/tyokirja/",
                 "/tietosuoja/", "/saavutettavuus/"]:  # fmt: skip
        assert SITE + path in listed, path
    # Lists and the home page changed when their newest content did.
    assert listed[f"{SITE}/oivallukset/"] == day(article.updated_at)
    assert listed[f"{SITE}/"] is not None


def test_never_lists_private_or_search_pages(client):
    listed = entries(client)

    assert not [url for url in listed if "/haku/" in url or "/kerro/tila/" in url]
    assert not [url for url in listed if url.startswith(f"{SITE}/tyokirja/") and url.count("/") > 4]
    assert not [url for url in listed if "/admin/" in url]


def test_robots_txt_points_at_the_sitemap_and_keeps_private_pages_out(client, settings):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /tyokirja/$" in lines  # the workbook's start page stays indexable
    assert "Disallow: /tyokirja/" in lines  # its saved links do not
    assert "Disallow: /innostu/kerro/tila/" in lines
    assert "Disallow: /haku/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /\n" not in response.content.decode()


def test_lists_authors_with_published_articles_only(client):
    writer = make_author(name="Kirjoittava", slug="kirjoittava")
    article = make_article(author=writer)
    make_article(author=make_author(name="Luonnostelija", slug="luonnostelija"),
                 status=Article.Status.DRAFT)  # fmt: skip

    listed = entries(client)

    assert listed[SITE + "/kirjoittajat/kirjoittava/"] == day(article.updated_at)
    assert not [url for url in listed if "luonnostelija" in url]
