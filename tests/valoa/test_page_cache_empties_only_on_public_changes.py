"""Only a change to what readers see empties cached pages: approving, publishing, editing or
deleting something public. A pending or spam comment, a draft, a rejected pending comment
change nothing public, so posting cannot keep the site uncached."""

import pytest
from django.test import Client

from tests.cases.factories import make_case, theme
from tests.factories import comment_data, make_article, make_comment
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db


def cache_state(path: str) -> str:
    return Client().get(path)["X-Page-Cache"]


@pytest.fixture
def cached(article):
    """The article's page, cached; returns a check of whether it is still cached."""
    path = article.get_absolute_url()
    Client().get(path)
    assert cache_state(path) == "hit"
    return lambda: cache_state(path) == "hit"


def test_a_pending_comment_leaves_cached_pages(client, article, cached):
    response = client.post(article.get_absolute_url(), comment_data(body="Odottaa"))

    assert response.status_code == 302
    assert cached()


def test_a_comment_held_as_spam_leaves_cached_pages(client, article, cached, settings):
    settings.SPAM_BLOCKED_WORDS = ["kasino"]

    client.post(article.get_absolute_url(), comment_data(body="Paras kasino"))

    assert cached()


def test_rejecting_or_deleting_a_pending_comment_leaves_cached_pages(article, cached):
    pending = make_comment(article, status=ModerationStatus.PENDING)
    spam = make_comment(article, status=ModerationStatus.SPAM)

    pending.reject()
    spam.delete()

    assert cached()


def test_approving_a_comment_empties_them(article, cached):
    make_comment(article, status=ModerationStatus.PENDING).approve()

    assert not cached()


def test_rejecting_an_approved_comment_empties_them(article):
    comment = make_comment(article, body="Kohta poissa")
    Client().get(article.get_absolute_url())

    comment.reject()
    response = Client().get(article.get_absolute_url())

    assert response["X-Page-Cache"] == "miss"
    assert "Kohta poissa" not in response.content.decode()


def test_deleting_an_approved_comment_empties_them(article):
    comment = make_comment(article)
    Client().get(article.get_absolute_url())

    comment.delete()

    assert cache_state(article.get_absolute_url()) == "miss"


def test_a_draft_leaves_them_and_publishing_it_empties_them(article, cached):
    draft = make_article(title="Luonnos", slug="luonnos", status="draft")
    draft.body = "Muokattu luonnos"
    draft.save()
    case = make_case(status="draft")
    case.themes.add(theme("dialogi"))
    assert cached()

    draft.status = "published"
    draft.save()

    assert not cached()


def test_editing_published_content_empties_them(article, cached):
    article.lead = "Uusi ingressi"
    article.save()

    assert not cached()


def test_a_published_case_s_themes_empty_them(article, cached):
    case = make_case()
    Client().get(article.get_absolute_url())
    assert cached()

    case.themes.add(theme("dialogi"))

    assert not cached()
