"""A commenter's signed `?oma=` link shows their comment only while it waits or is approved,
and only on its own page: what an editor turned down is never shown again through it."""

import pytest

from insights.views import own_comment_link
from tests.factories import make_article, make_comment
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db
THANKS = "Kiitos, viestisi on vastaanotettu"


def own_page(client, url: str, comment) -> str:
    return client.get(own_comment_link(url, comment)).content.decode()


@pytest.mark.parametrize("status", [ModerationStatus.REJECTED, ModerationStatus.SPAM])
def test_a_turned_down_comment_is_not_shown_through_its_link(client, article, status):
    comment = make_comment(article, status=ModerationStatus.PENDING, body="Hylättävä teksti")
    url = article.get_absolute_url()
    assert "Hylättävä teksti" in own_page(client, url, comment)

    comment.set_status(status, by=None)
    comment.save()
    page = own_page(client, url, comment)

    assert "Hylättävä teksti" not in page
    assert THANKS not in page


def test_the_link_shows_nothing_on_another_article(client, article):
    comment = make_comment(article, status=ModerationStatus.PENDING, body="Oma kommentti")
    other = make_article(title="Toinen artikkeli", slug="toinen")

    page = own_page(client, other.get_absolute_url(), comment)

    assert "Oma kommentti" not in page
    assert THANKS not in page


def test_a_reader_insight_shows_on_the_insights_page_only(client, article):
    insight = make_comment(None, status=ModerationStatus.PENDING, body="Oma oivallus")

    on_list = own_page(client, "/oivallukset/", insight)
    on_article = own_page(client, article.get_absolute_url(), insight)

    assert "Oma oivallus" in on_list and THANKS in on_list
    assert "Oma oivallus" not in on_article and THANKS not in on_article


def test_an_article_comment_shows_nothing_on_the_insights_page(client, article):
    comment = make_comment(article, status=ModerationStatus.PENDING, body="Artikkelin kommentti")

    page = own_page(client, "/oivallukset/", comment)

    assert "Artikkelin kommentti" not in page
    assert THANKS not in page
