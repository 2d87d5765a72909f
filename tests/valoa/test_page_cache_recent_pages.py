"""Each web process answers repeat readers from its own recent pages, trusting the shared
generation number for PAGE_CACHE_LOCAL_MS; its memory for pages is bounded."""

import pytest
from django.core.cache import cache
from django.test import Client

from insights.models import Article
from valoa.web import page_cache

pytestmark = pytest.mark.django_db


def change_through_another_process(article, title: str) -> None:
    """What another web process does when an editor saves: the row, then the generation."""
    Article.objects.filter(pk=article.pk).update(title=title)  # no signal in this process
    cache.incr(page_cache.GENERATION_KEY)


def test_a_change_made_elsewhere_shows_once_the_generation_is_read_again(article, settings):
    path = article.get_absolute_url()
    Client().get(path)
    change_through_another_process(article, "Uusi otsikko muualta")

    settings.PAGE_CACHE_LOCAL_MS = 60_000  # the number read a moment ago is still trusted
    trusted = Client().get(path)
    settings.PAGE_CACHE_LOCAL_MS = 0  # every request reads the number
    read_again = Client().get(path)

    assert trusted["X-Page-Cache"] == "hit"
    assert "Uusi otsikko muualta" not in trusted.content.decode()
    assert read_again["X-Page-Cache"] == "miss"
    assert "Uusi otsikko muualta" in read_again.content.decode()


def test_a_change_made_through_this_process_shows_at_once(article, settings):
    settings.PAGE_CACHE_LOCAL_MS = 60_000
    path = article.get_absolute_url()
    Client().get(path)

    article.title = "Uusi otsikko täältä"
    article.save()

    assert "Uusi otsikko täältä" in Client().get(path).content.decode()


def test_recent_pages_keep_within_their_megabytes(settings):
    settings.PAGE_CACHE_LOCAL_MB = 1
    pages = page_cache.RecentPages()
    for name in ("a", "b", "c"):
        pages.remember_page(name, (1, (None, None), b"x" * 400_000, []))
    pages.remember_page("huge", (1, (None, None), b"x" * 2_000_000, []))

    assert pages.page("a") is None  # the oldest went first
    assert pages.page("b") is not None and pages.page("c") is not None
    assert pages.page("huge") is None  # larger than the whole budget: never kept
