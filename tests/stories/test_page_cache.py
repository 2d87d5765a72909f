"""The story form is served from the page cache and still works; personal pages never are."""

import pytest
from django.test import Client

from tests.factories import story_data

pytestmark = pytest.mark.django_db


def test_the_story_form_from_a_cached_page_can_be_sent(db):
    Client().get("/innostu/kerro/")  # fills the cache
    contributor = Client(enforce_csrf_checks=True)
    page = contributor.get("/innostu/kerro/")
    assert page["X-Page-Cache"] == "hit"
    html = page.content.decode()
    started = html.split('name="aloitettu" value="', 1)[1].split('"', 1)[0]

    response = contributor.post(
        "/innostu/kerro/",
        story_data(aloitettu=started),
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == 302


def test_personal_pages_are_never_cached(db, submission):
    for url in (
        submission.status_path(),
        "/innostu/kerro/kiitos/?tila=" + submission.status_token(),
    ):
        response = Client().get(url)
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
