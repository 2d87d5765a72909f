"""Pages show an item's themes from the ids kept with its row (no query per list), so those
ids follow every way themes are linked and unlinked: added, removed, cleared, a theme deleted,
an editor's restored version (test_content_history), a theme renamed by another process."""

import pytest
from bs4 import BeautifulSoup

from insights.models import Article
from tests.factories import make_article, make_case, theme
from tests.valoa.broken_cache import BROKEN
from valoa.models import Theme

pytestmark = pytest.mark.django_db


def shown_themes(client, url: str, heading: str) -> list[str]:
    """The theme names on the card headed `heading` on the page at `url`."""
    page = BeautifulSoup(client.get(url).content, "html.parser")
    card = next(
        card for card in page.select("article.card") if card.h3.get_text(strip=True) == heading
    )
    return [link.get_text() for link in card.select(".themes a")]


def names(*slugs: str) -> list[str]:
    return [theme(slug).name for slug in slugs]


def test_themes_show_in_the_themes_order_whatever_order_they_were_linked_in(client):
    ordered = list(Theme.objects.order_by("order", "name"))
    make_case(title="Esimerkki", themes=[ordered[2], ordered[0]])

    assert shown_themes(client, "/innostu/", "Esimerkki") == [ordered[0].name, ordered[2].name]


def test_a_deleted_theme_is_gone_from_the_cards(client):
    new = Theme.objects.create(name="Uusi teema", slug="uusi-teema")
    make_case(title="Esimerkki", themes=[new, "jaettu-johtajuus"])
    assert len(shown_themes(client, "/innostu/", "Esimerkki")) == 2

    new.delete()

    assert shown_themes(client, "/innostu/", "Esimerkki") == names("jaettu-johtajuus")


def test_removing_every_theme_from_an_item_empties_its_list(client):
    article = make_article(title="Artikkeli")
    article.themes.set([theme("dialogi")])
    assert shown_themes(client, "/oivallukset/", "Artikkeli") == names("dialogi")

    article.themes.clear()

    assert shown_themes(client, "/oivallukset/", "Artikkeli") == []
    assert Article.objects.get(pk=article.pk).theme_ids == []


def test_a_theme_renamed_while_the_shared_cache_is_down_shows_by_the_next_read(client, settings):
    """Without the cache's generation numbers, a process keeps the themes only as long as it
    trusts any number it read (PAGE_CACHE_LOCAL_MS): a rename through another process shows
    within that time, as pages do."""
    make_case(title="Esimerkki", themes=["dialogi"])
    settings.CACHES = BROKEN
    settings.PAGE_CACHE_LOCAL_MS = 0
    assert shown_themes(client, "/innostu/", "Esimerkki") == names("dialogi")

    Theme.objects.filter(slug="dialogi").update(name="Keskustelu")  # as another process would

    assert shown_themes(client, "/innostu/", "Esimerkki") == ["Keskustelu"]
