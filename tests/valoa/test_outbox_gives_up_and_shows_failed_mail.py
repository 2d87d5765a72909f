"""Mail that cannot be sent is retried less and less often, then marked failed: editors see
it in the admin (a filter and a count on the index) and can send it again. Never dropped."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from valoa.models import OutboxMessage
from valoa.posting.notifications import MAX_ATTEMPTS, deliver, send_after_commit, send_outbox

pytestmark = pytest.mark.django_db
BROKEN = "tests.valoa.broken_mail.BrokenBackend"


class Clock:
    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def stored_message(subject="[VALOA] Uusi kommentti: Dialogi") -> OutboxMessage:
    message = send_after_commit(subject, "Teksti", ["toimitus@example.fi"], what="comment 1")
    deliver(message.pk)  # what the commit would do
    message.refresh_from_db()
    return message


def run_send_outbox_for(clock: Clock, hours: int) -> None:
    """cron every ten minutes for this many hours."""
    for _ in range(hours * 6):
        clock.advance(minutes=10)
        send_outbox()


def test_retries_wait_longer_each_time_and_a_server_back_meanwhile_gets_the_mail_once(
    settings, monkeypatch
):
    settings.EMAIL_BACKEND = BROKEN
    clock = Clock(monkeypatch)
    message = stored_message()
    assert message.attempts == 1 and message.failed_at is None

    run_send_outbox_for(clock, hours=1)
    message.refresh_from_db()
    assert message.attempts == 3  # after 20 minutes, then 40 more: not every ten minutes

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_send_outbox_for(clock, hours=24)
    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.get().sent_at is not None


def test_after_the_last_attempt_the_message_is_marked_failed_and_kept(settings, monkeypatch):
    settings.EMAIL_BACKEND = BROKEN
    clock = Clock(monkeypatch)
    message = stored_message()

    run_send_outbox_for(clock, hours=60)

    message.refresh_from_db()
    assert message.attempts == MAX_ATTEMPTS
    assert message.failed_at is not None and message.sent_at is None
    assert OutboxMessage.objects.filter(pk=message.pk).exists()  # kept for the editors


def failed_message() -> OutboxMessage:
    message = stored_message(subject="[VALOA] Kiitos kertomuksestasi: Kävelypalaverit")
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=MAX_ATTEMPTS, failed_at=timezone.now()
    )
    return message


def test_editors_see_failed_mail_counted_on_the_index_and_in_a_filter(editor_client, settings):
    settings.EMAIL_BACKEND = BROKEN
    failed_message()
    stored_message(subject="[VALOA] Vielä yritetään")

    index = editor_client.get("/admin/").content.decode()
    listing = editor_client.get("/admin/valoa/outboxmessage/?tila=epaonnistui").content.decode()

    assert "Sähköpostit, joiden lähetys epäonnistui" in index
    assert "[VALOA] Kiitos kertomuksestasi: Kävelypalaverit" in index
    assert "[VALOA] Kiitos kertomuksestasi: Kävelypalaverit" in listing
    assert "Vielä yritetään" not in listing


def test_an_editor_sends_failed_mail_again_from_the_admin(editor_client, settings):
    settings.EMAIL_BACKEND = BROKEN
    message = failed_message()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    response = editor_client.post(
        "/admin/valoa/outboxmessage/",
        {"action": "send_again", "_selected_action": [message.pk]},
        follow=True,
    )

    assert "1 sähköposti lähetettiin." in response.content.decode()
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.sent_at is not None and message.failed_at is None


def test_failures_are_logged_by_purpose_and_error_type_only(settings, caplog, monkeypatch):
    settings.EMAIL_BACKEND = BROKEN
    clock = Clock(monkeypatch)
    send = send_after_commit(
        "[VALOA] Kiitos: Salainen otsikko", "Salainen teksti", ["maija@example.fi"], what="x 1"
    )
    deliver(send.pk)
    run_send_outbox_for(clock, hours=60)

    assert "x 1" in caplog.text and "ConnectionRefusedError" in caplog.text
    assert "marked failed" in caplog.text
    for secret in ["Salainen", "maija@example.fi", "mail server down", "Traceback"]:
        assert secret not in caplog.text
