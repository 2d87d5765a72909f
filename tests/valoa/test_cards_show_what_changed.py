"""List cards and an article's own part of its page are rendered once and reused
({% card %}), yet every card shows its item as it is now: an edited title, a renamed theme,
the reader's language; a withdrawn item has none; and without the shared cache the cards are
the same."""

import pytest
from bs4 import BeautifulSoup

from insights.models import Article
from tests.factories import make_article, make_case, theme
from tests.valoa.broken_cache import BROKEN
from valoa.templatetags.valoa_tags import machine_time

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["page cache on", "page cache off"])
def page_cache_setting(request, settings):
    """With the page cache on, cards take the site's generation the middleware read for the
    page; off, they read it themselves. Each change here also empties the cached pages, so
    every page after one is rendered anew."""
    if request.param == "page cache off":
        settings.PAGE_CACHE_SECONDS = 0


def cards(client, url) -> dict[str, str]:
    """Each card's markup on the page, by its heading's text."""
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return {card.h3.get_text(strip=True): str(card) for card in page.select("article.card")}


def theme_names(card: str) -> list[str]:
    return [link.get_text() for link in BeautifulSoup(card, "html.parser").select(".themes a")]


def test_a_card_shows_the_title_as_edited(client, page_cache_setting):
    article = make_article(title="Vanha otsikko")
    assert "Vanha otsikko" in cards(client, "/oivallukset/")

    article.title = "Uusi otsikko"
    article.save()

    assert list(cards(client, "/oivallukset/")) == ["Uusi otsikko"]


def test_a_renamed_theme_shows_on_every_card(client, page_cache_setting):
    article = make_article(title="Artikkeli teemasta")
    article.themes.set([theme("dialogi")])
    make_case(themes=["dialogi"], title="Esimerkki teemasta")
    old_name = theme("dialogi").name
    assert theme_names(cards(client, "/")["Artikkeli teemasta"]) == [old_name]

    renamed = theme("dialogi")
    renamed.name = "Keskustelu"
    renamed.save()

    home = cards(client, "/")
    assert theme_names(home["Artikkeli teemasta"]) == ["Keskustelu"]
    assert theme_names(home["Esimerkki teemasta"]) == ["Keskustelu"]
    assert theme_names(cards(client, "/oivallukset/")["Artikkeli teemasta"]) == ["Keskustelu"]
    assert theme_names(cards(client, "/innostu/")["Esimerkki teemasta"]) == ["Keskustelu"]


def test_a_theme_added_without_saving_the_item_shows_on_its_card(client, page_cache_setting):
    article = make_article(title="Artikkeli")
    assert theme_names(cards(client, "/oivallukset/")["Artikkeli"]) == []

    article.themes.add(theme("dialogi"))

    assert theme_names(cards(client, "/oivallukset/")["Artikkeli"]) == [theme("dialogi").name]


def test_swedish_and_finnish_cards_differ(client, page_cache_setting):
    make_article(title="Artikkeli").themes.set([theme("dialogi")])
    finnish = cards(client, "/oivallukset/")["Artikkeli"]
    swedish = cards(client, "/sv/oivallukset/")["Artikkeli"]

    def link(card: str) -> str:
        return BeautifulSoup(card, "html.parser").select_one(".themes a")["href"]

    assert not link(finnish).startswith("/sv/")
    assert link(swedish).startswith("/sv/")
    # The card's article itself is written in Finnish: marked so on the Swedish page only.
    assert BeautifulSoup(swedish, "html.parser").h3.get("lang") == "fi"
    assert BeautifulSoup(finnish, "html.parser").h3.get("lang") is None


def test_a_withdrawn_items_card_is_gone_from_the_lists(client, page_cache_setting):
    article = make_article(title="Vedetään pois")
    case = make_case(title="Esimerkki pois")
    assert "Vedetään pois" in cards(client, "/oivallukset/")
    assert "Esimerkki pois" in cards(client, "/innostu/")

    for item in (article, case):
        item.status = Article.Status.DRAFT
        item.save()

    assert "Vedetään pois" not in cards(client, "/oivallukset/")
    assert "Esimerkki pois" not in cards(client, "/innostu/")
    assert "Vedetään pois" not in cards(client, "/")


def test_cards_are_the_same_without_the_shared_cache(client, settings):
    make_article(title="Artikkeli").themes.set([theme("dialogi")])
    make_case(themes=["dialogi"], title="Esimerkki")
    settings.PAGE_CACHE_SECONDS = 0
    cards(client, "/")  # kept for reuse
    with_cache = cards(client, "/")

    settings.CACHES = BROKEN

    assert cards(client, "/") == with_cache
    assert set(with_cache) == {"Artikkeli", "Esimerkki"}


def test_an_articles_own_page_shows_its_text_author_and_themes_as_they_are_now(
    client, page_cache_setting
):
    article = make_article(title="Alku", body="Ensimmäinen versio.")
    article.themes.set([theme("dialogi")])
    client.get(article.get_absolute_url())

    article.body = "Toinen versio."
    article.save()
    article.author.name = "Uusi Nimi"
    article.author.save()
    article.themes.add(theme("jaettu-johtajuus"))

    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    own = page.select_one("article.article")
    assert own.select_one(".prose").get_text(strip=True) == "Toinen versio."
    assert own.select_one(".author-name").get_text(strip=True) == "Uusi Nimi"
    assert len(own.select(".themes a")) == 2


def test_an_articles_link_preview_and_times_show_it_as_it_is_now(client, page_cache_setting):
    article = make_article(lead="Vanha ingressi.")
    client.get(article.get_absolute_url())

    article.lead = "Uusi ingressi."
    article.save()

    head = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser").head
    assert head.select_one('meta[name="description"]')["content"] == "Uusi ingressi."
    modified = head.select_one('meta[property="article:modified_time"]')["content"]
    assert modified == machine_time(Article.objects.get(pk=article.pk).updated_at)
