"""Anonymous readers get cached pages with time-trap tokens of their own; changes show at once."""

import re

import pytest
from django.test import Client

from insights.models import Comment
from tests.factories import make_comment
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db
TOKENS = re.compile(r'name="(aloitettu)" value="([^"]+)"')


def tokens(response) -> dict:
    return dict(TOKENS.findall(response.content.decode()))


def test_second_reader_gets_the_cached_page_with_a_time_trap_token_of_their_own(article):
    first, second = Client(), Client()

    miss = first.get(article.get_absolute_url())
    hit = second.get(article.get_absolute_url())

    assert miss["X-Page-Cache"] == "miss" and hit["X-Page-Cache"] == "hit"
    assert tokens(miss)["aloitettu"] != tokens(hit)["aloitettu"]
    assert "placeholder" not in hit.content.decode()


def test_comment_posted_from_a_cached_page_passes_the_time_trap(article):
    Client().get(article.get_absolute_url())  # fills the cache
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"

    response = reader.post(
        article.get_absolute_url(),
        {
            **tokens(page),
            "kotisivu": "",
            "name": "Välimuistin lukija",
            "email": "v@example.fi",
            "body": "Toimii välimuistista.",
        },
    )

    assert response.status_code == 302
    assert Comment.objects.filter(body="Toimii välimuistista.").exists()


def test_approving_a_comment_shows_it_at_once(client, article):
    comment = make_comment(article, status=ModerationStatus.PENDING, body="Pian näkyvissä")
    assert "Pian näkyvissä" not in client.get(article.get_absolute_url()).content.decode()

    comment.approve()

    assert "Pian näkyvissä" in client.get(article.get_absolute_url()).content.decode()


def test_pages_without_forms_set_no_cookies(client, article):
    client.get("/")
    response = Client().get("/")

    assert response["X-Page-Cache"] == "hit"
    assert not response.cookies


def test_logged_in_editors_and_own_comment_links_bypass_the_cache(editor_client, article):
    editor_client.get(article.get_absolute_url())

    assert "X-Page-Cache" not in editor_client.get(article.get_absolute_url())
    assert "X-Page-Cache" not in Client().get(article.get_absolute_url() + "?oma=x")
