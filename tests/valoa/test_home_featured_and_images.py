"""The home page: editors' featured content in their order, and list cards with images."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases.models import Case
from tests.factories import jpeg_bytes, make_article, make_articles, make_case, make_cases

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def home(client) -> BeautifulSoup:
    return BeautifulSoup(client.get("/").content, "html.parser")


def featured_titles(client) -> list[str]:
    heading = home(client).find("h2", string="Toimitus suosittelee")
    if heading is None:
        return []
    return [title.get_text(strip=True) for title in heading.find_parent("section")("h3")]


def test_featured_content_is_shown_in_the_editors_order(client):
    make_article(title="Toinen nosto", featured=True, featured_order=2)
    make_case(title="Ensimmäinen nosto", featured=True, featured_order=1)
    make_article(title="Ei nostettu")
    make_case(title="Nostettu luonnos", featured=True, status=Case.Status.DRAFT)
    make_case(
        title="Nostettu tulevaisuuteen",
        featured=True,
        published_at=timezone.now() + timezone.timedelta(days=1),
    )

    assert featured_titles(client) == ["Ensimmäinen nosto", "Toinen nosto"]


def test_without_featured_content_the_section_is_left_out(client):
    make_article(title="Tavallinen")
    assert featured_titles(client) == []


def test_case_cards_show_the_image_responsive_lazy_and_with_its_text_alternative(client):
    make_case(
        title="Kuvallinen",
        image=SimpleUploadedFile("kuva.jpg", jpeg_bytes(1600, 900)),
        image_alt="Tiimi taululla",
    )
    make_case(title="Kuvaton")

    for path in ["/", "/innostu/"]:
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        images = soup.main.select("article img")
        assert len(images) == 1, path
        image = images[0]
        assert image["alt"] == "Tiimi taululla"
        assert image["loading"] == "lazy"
        widths = [candidate.split()[1] for candidate in image["srcset"].split(", ")]
        assert widths == ["600w", "1200w"]
        assert image["sizes"]
        assert (image["width"], image["height"]) == ("600", "338")


def test_home_page_queries_do_not_grow_with_featured_content(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/")
        return len(captured)

    make_article(featured=True)
    make_case(featured=True)
    with_one = queries()
    make_articles(199, featured=True, each=lambda number: {"featured_order": number})
    make_cases(199, featured=True, each=lambda number: {"featured_order": number})
    assert queries() == with_one
