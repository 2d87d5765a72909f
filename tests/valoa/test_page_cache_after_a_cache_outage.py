"""When the shared cache comes back after an outage, no page older than the last change is
served: a change saved while it was down, or made while this process saw it down."""

import pytest
from django.test import Client

from insights.models import Article
from tests.valoa.broken_cache import SWITCHABLE, SwitchableCache

pytestmark = pytest.mark.django_db


@pytest.fixture
def switchable_cache(settings):
    settings.CACHES = SWITCHABLE
    settings.PAGE_CACHE_LOCAL_MS = 0  # every request asks the shared cache
    yield SwitchableCache
    SwitchableCache.down = False


def read(path: str):
    response = Client().get(path)
    return response.get("X-Page-Cache"), response.content.decode()


def test_a_change_saved_during_the_outage_shows_when_the_cache_returns(article, switchable_cache):
    path = article.get_absolute_url()
    read(path)
    assert read(path)[0] == "hit"

    switchable_cache.down = True
    article.title = "Otsikko muutettiin katkon aikana"
    article.save()  # its bump of the generation cannot be written
    switchable_cache.down = False

    state, page = read(path)
    assert state == "miss"
    assert "Otsikko muutettiin katkon aikana" in page


def test_pages_stored_before_an_outage_this_process_saw_are_not_trusted(article, switchable_cache):
    path = article.get_absolute_url()
    read(path)

    switchable_cache.down = True
    assert read(path)[0] is None  # served uncached
    # Another process saves meanwhile; its bump is lost with the outage.
    Article.objects.filter(pk=article.pk).update(title="Muutettu toisessa prosessissa")
    switchable_cache.down = False

    state, page = read(path)
    assert state == "miss"
    assert "Muutettu toisessa prosessissa" in page
    assert read(path)[0] == "hit"  # and pages are cached again
