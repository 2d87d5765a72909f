"""The admin, editors and forms behind a token keep Django's CSRF protection: a post without
the token is refused even when the browser says it comes from the site itself."""

import pytest
from django.test import Client

from insights.models import Comment
from tests.factories import comment_data, make_comment
from valoa.moderation import ModerationStatus
from workbook.models import Workbook

pytestmark = pytest.mark.django_db
OWN_PAGE = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


def test_logging_in_to_the_admin_needs_the_token(editor):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        "/admin/login/", {"username": editor.username, "password": "x"}, **OWN_PAGE
    )

    assert response.status_code == 403
    assert "Lomake vanheni" in response.content.decode()


def test_an_editors_moderation_needs_the_token(editor, article):
    comment = make_comment(article, status=ModerationStatus.PENDING)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)

    response = strict.post(
        "/admin/insights/comment/",
        {"action": "approve", "_selected_action": comment.pk},
        **OWN_PAGE,
    )

    assert response.status_code == 403
    assert Comment.objects.get(pk=comment.pk).status == ModerationStatus.PENDING


def test_an_editor_commenting_needs_no_token_but_the_same_origin(editor, article):
    """A comment carries no login: an editor's is taken like any reader's, from the site."""
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)

    refused = strict.post(
        article.get_absolute_url(), comment_data(), HTTP_SEC_FETCH_SITE="cross-site"
    )
    taken = strict.post(article.get_absolute_url(), comment_data(), **OWN_PAGE)

    assert (refused.status_code, taken.status_code) == (403, 302)


def test_starting_a_workbook_needs_the_token():
    strict = Client(enforce_csrf_checks=True)

    response = strict.post("/tyokirja/", {"mode": "solo", "name": "Tiimi"}, **OWN_PAGE)

    assert response.status_code == 403
    assert "Lomake vanheni" in response.content.decode()  # a readable page
    assert not Workbook.objects.exists()
