"""Readers share their own insights on the Oivallukset page, moderated like comments."""

import pytest

from insights.models import Comment
from tests.factories import comment_data, make_comment
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db


def test_the_page_invites_readers_to_share_an_insight(client):
    page = client.get("/oivallukset/").content.decode()

    assert "Kerro oma oivalluksesi" in page
    assert "Pakolliset kentät on merkitty *" in page


def test_a_shared_insight_waits_for_moderation_and_its_writer_sees_it(client):
    response = client.post("/oivallukset/", comment_data(body="Kysyminen auttaa."))

    assert response.status_code == 302
    insight = Comment.objects.get()
    assert insight.article is None and insight.status == ModerationStatus.PENDING
    assert "Kysyminen auttaa." in client.get(response["Location"]).content.decode()
    assert "Kysyminen auttaa." not in client.get("/oivallukset/").content.decode()


def test_errors_are_shown_and_text_kept(client):
    response = client.post("/oivallukset/", comment_data(name="", body="Pidä tämä."))

    page = response.content.decode()
    assert "Kirjoita nimesi." in page
    assert "Pidä tämä." in page
    assert Comment.objects.count() == 0


def test_approved_insights_are_shown_newest_first_and_paginated(client):
    from django.utils import timezone

    for number in range(25):
        make_comment(
            None,
            body=f"Oivallus {number:02d}",
            created_at=timezone.now() - timezone.timedelta(hours=number),
        )
    make_comment(None, status=ModerationStatus.PENDING, body="Odottava oivallus")

    first = client.get("/oivallukset/").content.decode()
    second = client.get("/oivallukset/?oivallukset=2").content.decode()

    assert first.index("Oivallus 00") < first.index("Oivallus 01")
    assert "Oivallus 24" not in first and "Oivallus 24" in second
    assert "Odottava oivallus" not in first


def test_insights_and_comments_share_one_moderation_queue(editor_client, article):
    make_comment(None, status=ModerationStatus.PENDING, name="Oivaltaja")
    make_comment(article, status=ModerationStatus.PENDING, name="Kommentoija")

    page = editor_client.get("/admin/insights/comment/?status__exact=pending").content.decode()

    assert "Oivaltaja" in page and "Kommentoija" in page
