"""A change empties the cached pages that show it, and no others: approving a comment on one
article leaves every other article's page cached; publishing a case empties the lists and the
case pages, not the articles; a theme, shown everywhere, empties every page."""

import pytest
from django.test import Client

from tests.factories import make_article, make_case, make_comment, theme
from tests.form_pages import parse, text
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db


def visit(path: str):
    """(whether the page came from the cache, its main content as a reader reads it)"""
    response = Client().get(path)
    assert response.status_code == 200
    return response["X-Page-Cache"] == "hit", text(parse(response.content.decode()).main)


def cache(*paths: str) -> None:
    for path in paths:
        Client().get(path)
        assert visit(path)[0], path


@pytest.fixture
def other():
    return make_article(title="Toinen artikkeli", slug="toinen-artikkeli")


def test_approving_a_comment_shows_it_on_its_article_and_lists_other_pages_stay_cached(
    article, other
):
    case = make_case(title="Kunnan kokeilu")
    insight = make_comment(None, status=ModerationStatus.PENDING, body="Oma oivallus odottaa.")
    comment = make_comment(article, status=ModerationStatus.PENDING, body="Kommentti odottaa.")
    own, elsewhere = article.get_absolute_url(), other.get_absolute_url()
    cache(own, elsewhere, case.get_absolute_url(), "/oivallukset/", "/")

    comment.approve()
    insight.approve()

    hit, shown = visit(own)
    assert not hit and "Kommentti odottaa." in shown
    hit, shown = visit("/oivallukset/")
    assert not hit and "Oma oivallus odottaa." in shown
    assert not visit("/")[0]
    assert visit(elsewhere)[0]
    assert visit(case.get_absolute_url())[0]


def test_moving_a_comment_to_another_article_empties_both_pages_only(article, other):
    third = make_article(title="Kolmas artikkeli", slug="kolmas-artikkeli")
    moved = make_comment(article, body="Siirretty kommentti.")
    cache(article.get_absolute_url(), other.get_absolute_url(), third.get_absolute_url())

    moved.article = other
    moved.save()

    hit, shown = visit(article.get_absolute_url())
    assert not hit and "Siirretty kommentti." not in shown
    hit, shown = visit(other.get_absolute_url())
    assert not hit and "Siirretty kommentti." in shown
    assert visit(third.get_absolute_url())[0]


def test_publishing_a_case_empties_the_lists_and_case_pages_not_the_articles(article):
    case = make_case(themes=[theme("dialogi")], title="Vanha esimerkki")
    new = make_case(themes=[theme("dialogi")], title="Uusi esimerkki", status="draft")
    lists = ["/", "/innostu/", "/teemat/dialogi/", "/haku/?q=esimerkki"]
    cache(article.get_absolute_url(), case.get_absolute_url(), *lists)

    new.status = "published"
    new.save()

    for path in lists:
        hit, shown = visit(path)
        assert not hit and "Uusi esimerkki" in shown, path
    hit, shown = visit(case.get_absolute_url())
    assert not hit and "Uusi esimerkki" in shown  # among its related cases
    assert visit(article.get_absolute_url())[0]


def test_a_comment_leaves_an_other_article_cached_a_theme_renamed_empties_every_page(
    article, other
):
    article.themes.add(theme("dialogi"))
    case = make_case(themes=[theme("dialogi")])
    pages = [article.get_absolute_url(), case.get_absolute_url(), "/", "/tietoa/"]
    cache(other.get_absolute_url(), *pages)
    make_comment(other, body="Uusi kommentti.")
    assert visit(article.get_absolute_url())[0]

    dialogue = theme("dialogi")
    dialogue.name = "Keskustelu"
    dialogue.save()

    for path in pages:
        assert not visit(path)[0], path
    assert "Keskustelu" in visit(article.get_absolute_url())[1]
