"""Erasing a person's data reaches every copy: the mail about their comments and stories (the
editors' notifications name them but hold no address) and the cached pages that showed them."""

import pytest
from django.test import Client

from insights.models import Comment
from stories.models import Submission
from tests.factories import comment_data, story_data
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db
TOOL = "/admin/henkilotiedot/"


def erase(editor_client, email="maija@example.fi"):
    return editor_client.post(TOOL, {"email": email, "action": "erase", "confirm": "on"})


def mail_mentioning(text: str) -> int:
    return sum(
        text in message.body or text in message.subject for message in OutboxMessage.objects.all()
    )


def test_erasing_removes_the_notifications_about_their_comments(client, editor_client, article):
    client.post(article.get_absolute_url(), comment_data(body="Maijan oma ajatus"))
    client.post("/oivallukset/", comment_data(body="Maijan oivallus"))
    assert mail_mentioning("Maija Meikäläinen") == 2

    erase(editor_client)

    assert mail_mentioning("Maija Meikäläinen") == 0
    assert mail_mentioning("Maijan") == 0
    assert Comment.objects.filter(body="Maijan oma ajatus", name="Nimetön").exists()


def test_erasing_empties_cached_pages_that_showed_the_name(client, editor_client, article):
    client.post(article.get_absolute_url(), comment_data(body="Julkaistu ajatus"))
    Comment.objects.get().approve()
    page = Client().get(article.get_absolute_url())
    assert "Maija Meikäläinen" in page.content.decode()

    erase(editor_client)
    page = Client().get(article.get_absolute_url()).content.decode()

    assert "Julkaistu ajatus" in page
    assert "Maija Meikäläinen" not in page


def test_erasing_removes_every_mail_about_their_stories(client, editor_client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    client.post("/innostu/kerro/", story_data(story="Maijan kertomus kävelypalavereista"))
    assert OutboxMessage.objects.count() == 2  # the receipt and the editors' notification

    erase(editor_client)

    assert not Submission.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_deleting_a_story_after_an_erasure_request_deletes_the_mail_about_it(
    client, editor_client, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    client.post("/innostu/kerro/", story_data(story="Poistettava kertomus"))
    submission = Submission.objects.get()
    client.post(f"/innostu/kerro/tila/{submission.status_token()}/poista/")
    assert mail_mentioning("Poistettava kertomus") == 2  # new story, erasure request

    editor_client.post(f"/admin/stories/submission/{submission.pk}/delete/", {"post": "yes"})

    assert not Submission.objects.exists()
    assert mail_mentioning("Poistettava kertomus") == 0
    assert mail_mentioning("Maija Meikäläinen") == 0
