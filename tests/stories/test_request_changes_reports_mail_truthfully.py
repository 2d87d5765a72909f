"""The admin's "request changes" says mail is on its way only when the mail was stored."""

import pytest

from tests.factories import make_submission
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db


def request_changes(editor_client, submission):
    return editor_client.post(
        f"/admin/stories/submission/{submission.pk}/pyyda-muutoksia/",
        {"message": "Kertoisitko lisää?"},
        follow=True,
    ).content.decode()


def test_stored_mail_is_reported_with_the_address(editor_client):
    submission = make_submission()

    page = request_changes(editor_client, submission)

    assert OutboxMessage.objects.filter(recipients=["maija@example.fi"]).count() == 1
    assert "sähköposti lähtee osoitteeseen maija@example.fi" in page


def test_without_an_address_no_mail_is_claimed(editor_client):
    submission = make_submission(email="")

    page = request_changes(editor_client, submission)

    assert not OutboxMessage.objects.exists()
    assert "sähköpostia ei voitu lähettää" in page
    assert "lähetettiin" not in page
