"""Only a change to what readers see empties cached pages: approving, publishing, editing or
deleting something public. A pending or spam comment, a draft, a rejected pending comment
change nothing public, so posting cannot keep the site uncached."""

import pytest
from django.test import Client

from insights.models import Comment
from tests.factories import comment_data, make_article, make_case, make_comment, theme
from tests.form_pages import parse
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db


def cache_state(path: str) -> str:
    return Client().get(path)["X-Page-Cache"]


def cache_state_of(path: str):
    """Caches the page; returns a check of whether it is still cached."""
    Client().get(path)
    assert cache_state(path) == "hit"
    return lambda: cache_state(path) == "hit"


@pytest.fixture
def cached(article):
    """The article's page, cached; returns a check of whether it is still cached."""
    return cache_state_of(article.get_absolute_url())


def test_a_pending_comment_leaves_them_and_approving_it_empties_them(client, article, cached):
    response = client.post(article.get_absolute_url(), comment_data(body="Odottaa"))
    assert response.status_code == 302
    assert cached()

    Comment.objects.get(body="Odottaa").approve()

    assert not cached()


def test_a_comment_held_as_spam_leaves_them(client, article, cached, settings):
    settings.SPAM_BLOCKED_WORDS = ["kasino"]

    client.post(article.get_absolute_url(), comment_data(body="Paras kasino"))

    assert cached()


def test_turning_down_a_pending_comment_leaves_them_an_approved_one_empties_them(article, cached):
    pending = make_comment(article, status=ModerationStatus.PENDING)
    spam = make_comment(article, status=ModerationStatus.SPAM)
    approved = make_comment(article, body="Kohta poissa")
    Client().get(article.get_absolute_url())
    assert cached()

    pending.reject()
    spam.delete()
    assert cached()

    approved.reject()
    response = Client().get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Kohta poissa" not in response.content.decode()

    approved.approve()
    Client().get(article.get_absolute_url())
    approved.delete()
    assert not cached()


def test_a_published_article_s_themes_empty_them_a_draft_s_leave_them(article, cached):
    draft = make_article(title="Luonnos", slug="luonnos", status="draft")
    draft.themes.add(theme("dialogi"))
    assert cached()

    article.themes.add(theme("dialogi"))

    assert not cached()
    page = parse(Client().get(article.get_absolute_url()).content.decode())
    assert [item.get_text() for item in page.select("ul.themes li")] == ["Dialogi"]


def test_drafts_leave_them_publishing_and_editing_published_content_empties_them(article, cached):
    home = cache_state_of("/")
    draft = make_article(title="Luonnos", slug="luonnos", status="draft")
    draft.body = "Muokattu luonnos"
    draft.save()
    case = make_case(status="draft")
    case.themes.add(theme("dialogi"))
    assert cached()
    assert home()

    draft.status = "published"
    draft.save()
    assert not home()

    for page, change in [
        (cached, lambda: setattr(article, "lead", "Uusi ingressi") or article.save()),
        (home, lambda: setattr(case, "status", "published") or case.save()),
        (home, lambda: case.themes.add(theme("oppiminen-verkostoissa"))),
    ]:
        Client().get(article.get_absolute_url())
        Client().get("/")
        assert page()
        change()
        assert not page()
