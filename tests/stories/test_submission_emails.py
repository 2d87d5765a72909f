"""After a story is stored: a receipt with the status link to the contributor, a note to the
editors (what the receipt leaves out: test_receipt_carries_no_free_text.py)."""

import re

import pytest
from django.core import mail

from stories.models import Submission
from tests.factories import pdf_bytes, story_data, upload

pytestmark = pytest.mark.django_db

FORM = "/innostu/kerro/"


def send_story(client, capture, **fields):
    with capture(execute=True):
        response = client.post(FORM, story_data(**fields))
    assert response.status_code == 302
    return response


def test_no_email_leaves_before_the_submission_is_committed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(FORM, story_data())

    assert len(callbacks) == 2  # receipt and editors' notification wait for the commit
    assert mail.outbox == []

    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2


def test_the_contributor_gets_a_receipt_with_the_title_and_the_status_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            FORM,
            {
                **story_data(title="Tiimit & vuorot"),
                "attachment": upload("Kuvaus.pdf", pdf_bytes()),
            },
        )

    receipt = next(message for message in mail.outbox if message.to == ["maija@example.fi"])
    submission = Submission.objects.get()
    assert receipt.subject == "[VALOA] Kiitos kertomuksestasi: Tiimit & vuorot"
    body = receipt.body
    assert "Kertomuksesi ”Tiimit & vuorot” on tallessa." in body
    assert "Mitään ei julkaista kysymättä sinulta." in body
    assert "voi olla julkinen asiakirja" in body
    assert f"http://127.0.0.1:8000/innostu/kerro/tila/{submission.status_token()}/" in body
    assert "&#x27;" not in body and "&amp;" not in body  # plain text, not HTML-escaped


def test_the_editors_are_notified_with_a_link_to_the_admin(
    client, django_capture_on_commit_callbacks
):
    send_story(client, django_capture_on_commit_callbacks, title="Tiimit & vuorot")

    notice = next(message for message in mail.outbox if message.to == ["toimitus@example.fi"])
    submission = Submission.objects.get()
    assert notice.subject == "[VALOA] Uusi kertomus: Tiimit & vuorot"
    assert "Kertoja: Maija Meikäläinen, Esimerkkilän kaupunki" in notice.body
    assert re.search(rf"/admin/stories/submission/{submission.pk}/change/", notice.body)
    assert "maija@example.fi" not in notice.body  # contact details stay in the admin


def test_a_failing_mail_server_loses_no_story(client, django_capture_on_commit_callbacks, settings):
    from valoa.models import OutboxMessage

    settings.EMAIL_BACKEND = "tests.valoa.broken_mail.BrokenBackend"

    response = send_story(client, django_capture_on_commit_callbacks, title="Tallessa")

    assert response.status_code == 302
    assert Submission.objects.get().title == "Tallessa"
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 2  # retried later


def test_spam_is_stored_for_the_editors_but_sends_no_email(
    client, django_capture_on_commit_callbacks, settings
):
    settings.SPAM_BLOCKED_WORDS = ["kasino"]

    send_story(client, django_capture_on_commit_callbacks, story="Paras KASINO bonus")

    submission = Submission.objects.get()
    assert submission.status == Submission.Status.SPAM
    assert "kasino" in submission.held_reason
    assert mail.outbox == []
