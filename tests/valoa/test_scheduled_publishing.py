"""Content published with a future time appears by itself at that time, cached pages or not."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_case
from tests.valoa.test_sitemap import day, entries

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select("main h2 a, main h3 a")]


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize(
    ("make", "list_url"),
    [(make_article, "insights:list"), (make_case, "cases:list")],
    ids=["article", "case"],
)
def test_scheduled_content_appears_on_cached_lists_at_its_time(clock, make, list_url):
    make(title="Jo julkaistu")
    make(title="Huomisen juttu", published_at=timezone.now() + timedelta(minutes=3))
    url = reverse(list_url)

    Client().get(url)
    second = Client().get(url)
    assert second["X-Page-Cache"] == "hit"
    assert "Huomisen juttu" not in titles(second)

    clock.shift(timedelta(minutes=3, seconds=1))

    later = Client().get(url)
    assert "Huomisen juttu" in titles(later)
    assert Client().get(url)["X-Page-Cache"] == "hit"  # cached again, with it


def test_scheduled_article_opens_and_reaches_the_home_page_feed_and_sitemap(clock):
    article = make_article(
        title="Ajastettu oivallus", published_at=timezone.now() + timedelta(minutes=5)
    )
    reader = Client()
    for url in [reverse("home"), reverse("insights:feed_rss"), reverse("sitemap")]:
        reader.get(url)
    assert reader.get(article.get_absolute_url()).status_code == 404
    assert "Ajastettu oivallus" not in reader.get(reverse("home")).content.decode()

    clock.shift(timedelta(minutes=5))

    assert reader.get(article.get_absolute_url()).status_code == 200
    assert "Ajastettu oivallus" in titles(reader.get(reverse("home")))
    assert "Ajastettu oivallus" in reader.get(reverse("insights:feed_rss")).content.decode()
    assert article.get_absolute_url() in reader.get(reverse("sitemap")).content.decode()


def test_sitemap_dates_a_scheduled_article_at_its_appearance(clock, settings):
    settings.SITE_URL = "https://valoa.example.fi"
    appears = timezone.now() + timedelta(days=2)
    article = make_article(title="Ajastettu", published_at=appears)
    clock.shift(timedelta(days=3))
    dates = entries(Client())
    assert dates["https://valoa.example.fi" + article.get_absolute_url()] == day(appears)


def test_editors_list_tells_a_scheduled_article_from_a_published_one(client, editor):
    make_article(title="Näkyy jo")
    make_article(title="Näkyy myöhemmin", published_at=timezone.now() + timedelta(days=1))
    client.force_login(editor)
    changelist = client.get(reverse("admin:insights_article_changelist"))
    page = BeautifulSoup(changelist.content, "html.parser")
    states = {
        row.find("th").get_text(strip=True): row.find(class_="field-publishing_state").get_text()
        for row in page.select("#result_list tbody tr")
    }
    assert states["Näkyy jo"] == "Julkaistu"
    assert states["Näkyy myöhemmin"].startswith("Ajastettu: näkyy ")


def test_content_scheduled_after_the_list_was_cached_appears_at_its_time(clock):
    make_article(title="Jo julkaistu")
    url = reverse("insights:list")
    Client().get(url)  # cached, when nothing was scheduled

    make_article(title="Myöhemmin ajastettu", published_at=timezone.now() + timedelta(minutes=3))
    assert "Myöhemmin ajastettu" not in titles(Client().get(url))
    assert Client().get(url)["X-Page-Cache"] == "hit"

    clock.shift(timedelta(minutes=3, seconds=1))

    assert "Myöhemmin ajastettu" in titles(Client().get(url))
