"""Every public form takes one path (valoa.posting): what the spam rules hold is stored,
hidden, and emails nobody, neither the moderators nor the sender; the same text without the
blocked word is announced."""

import pytest
from django.core import mail

from insights.models import Comment
from stories.models import Submission
from tests.factories import comment_data, story_data
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db

SPAM = "Voita isosti: casino joka päivä."
PLAIN = "Meillä dialogi parani, kun aloitimme kokoukset kuulumiskierroksella."


def post_comment(client, article, text):
    client.post(article.get_absolute_url(), comment_data(body=text))
    return Comment.objects.latest("pk")


def post_reader_insight(client, article, text):
    client.post("/oivallukset/", comment_data(body=text))
    return Comment.objects.latest("pk")


def post_story(client, article, text):
    client.post("/innostu/kerro/", story_data(story=text))
    return Submission.objects.latest("pk")


FORMS = [post_comment, post_reader_insight, post_story]


@pytest.mark.parametrize("post", FORMS)
def test_a_post_held_as_spam_emails_nobody(
    post, client, article, settings, django_capture_on_commit_callbacks
):
    settings.MODERATOR_EMAILS = ["toimitus@example.fi"]

    with django_capture_on_commit_callbacks(execute=True):
        held = post(client, article, SPAM)

    assert held.status == "spam"
    assert "casino" in held.held_reason
    assert mail.outbox == []
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize("post", FORMS)
def test_the_same_post_without_spam_reaches_the_moderators(post, client, article, settings):
    settings.MODERATOR_EMAILS = ["toimitus@example.fi"]

    post(client, article, PLAIN)

    stored = OutboxMessage.objects.values_list("recipients", flat=True)
    assert ["toimitus@example.fi"] in list(stored)
