"""A mail server that is down loses nothing: mail waits in the outbox and is sent once later."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from insights.models import Comment
from tests.factories import comment_data
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db
BROKEN = "tests.valoa.broken_mail.BrokenBackend"


def post_comment(client, article, capture, body="Tallessa"):
    with capture(execute=True):
        return client.post(article.get_absolute_url(), comment_data(body=body))


def test_comment_is_stored_and_the_failure_logged_without_personal_data(
    client, article, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = BROKEN

    response = post_comment(client, article, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert Comment.objects.filter(body="Tallessa").exists()
    message = OutboxMessage.objects.get()
    assert message.sent_at is None and message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error
    assert "comment" in caplog.text and "failed" in caplog.text
    assert "maija@example.fi" not in caplog.text
    assert "Tallessa" not in caplog.text


def test_send_outbox_sends_what_failed_exactly_once(
    client, article, django_capture_on_commit_callbacks, settings, monkeypatch
):
    settings.EMAIL_BACKEND = BROKEN
    post_comment(client, article, django_capture_on_commit_callbacks)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_outbox", verbosity=0)
    assert mail.outbox == []  # the next attempt waits a while after a failure
    later = timezone.now() + timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("send_outbox", verbosity=0)
    call_command("send_outbox", verbosity=0)

    assert len(mail.outbox) == 1
    assert "Tallessa" in mail.outbox[0].body
    assert OutboxMessage.objects.get().sent_at is not None


def test_a_message_sent_at_once_is_not_sent_again(
    client, article, django_capture_on_commit_callbacks
):
    post_comment(client, article, django_capture_on_commit_callbacks)

    call_command("send_outbox", verbosity=0)

    assert len(mail.outbox) == 1
