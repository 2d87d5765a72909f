"""An editor asks for changes with a message; the contributor edits through the link and resends."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail

from stories.models import Submission
from tests.factories import form_data, pdf_bytes, upload
from tests.form_pages import heading

pytestmark = pytest.mark.django_db

MESSAGE = "Kiitos! Voisitko kertoa vielä, mitä kokeilusta opittiin ja mikä ei toiminut?"


def request_url(submission) -> str:
    return f"/admin/stories/submission/{submission.pk}/pyyda-muutoksia/"


def test_an_editor_requests_changes_and_the_contributor_gets_the_message_by_email(
    editor_client, submission, django_capture_on_commit_callbacks
):
    change_page = editor_client.get(f"/admin/stories/submission/{submission.pk}/change/")
    assert request_url(submission) in change_page.content.decode()
    form_page = editor_client.get(request_url(submission)).content.decode()
    assert "Viesti kertojalle" in form_page
    assert "maija@example.fi" in form_page  # the editor sees where it goes

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(request_url(submission), {"message": MESSAGE})

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED
    assert submission.changes_message == MESSAGE
    [message] = mail.outbox
    assert message.to == ["maija@example.fi"]
    assert message.subject == (
        "[VALOA] Toimitus pyytää muutoksia kertomukseesi: Kokeilimme kävelypalavereja"
    )
    assert MESSAGE in message.body
    assert submission.status_url() in message.body
    assert LogEntry.objects.filter(
        object_id=str(submission.pk), change_message="Pyydettiin muutoksia kertojalta."
    ).exists()


def test_an_empty_message_is_refused(editor_client, submission):
    response = editor_client.post(request_url(submission), {"message": "  "})

    assert "Kirjoita viesti kertojalle." in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.NEW


def test_the_contributor_edits_the_story_and_sends_it_back(
    client, editor_client, submission, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(request_url(submission), {"message": MESSAGE})
    status_link = re.search(r"http://[^\s]+/innostu/kerro/tila/[^\s]+/", mail.outbox[0].body)[0]
    status_path = status_link.removeprefix(settings.SITE_URL)

    status_page = client.get(status_path).content.decode()
    assert "Tila: Muutoksia pyydetty" in status_page
    assert MESSAGE in status_page
    edit_page = client.get(status_path + "muokkaa/").content.decode()
    assert heading(edit_page) == "Muokkaa kertomusta"
    assert MESSAGE in edit_page
    assert "Kävelimme palaverit ulkona kuukauden ajan." in edit_page  # the story to edit

    edited = "Kävelimme palaverit ulkona. Opimme, että sateella se ei toiminut."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            status_path + "muokkaa/",
            {
                **form_data(kind="kokeilu", title="Kävelypalaverit, osa 2", story=edited),
                "themes": ["4"],
                "attachment": upload("lisatiedot.pdf", pdf_bytes()),
            },
        )

    assert response.status_code == 302
    assert response["Location"] == status_path
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RETURNED
    assert submission.story == edited
    assert submission.title == "Kävelypalaverit, osa 2"
    assert submission.attachment_name == "lisatiedot.pdf"
    assert submission.returned_at is not None
    assert "Tila: Muokattu kertomus vastaanotettu" in client.get(status_path).content.decode()
    notice = mail.outbox[-1]
    assert notice.to == ["toimitus@example.fi"]
    assert notice.subject == "[VALOA] Muokattu kertomus palautettiin: Kävelypalaverit, osa 2"
    # …and the returned story waits for the editors again.
    overview = editor_client.get("/admin/").content.decode()
    assert "Muokattu kertomus" in overview


def test_a_failed_edit_keeps_the_text_and_changes_nothing(client, submission):
    submission.request_changes(MESSAGE)

    response = client.post(
        f"{submission.status_path()}muokkaa/",
        form_data(kind="kokeilu", title="", story="Uusi teksti, joka ei saa kadota."),
    )

    page = response.content.decode()
    assert "Anna kertomukselle otsikko." in page
    assert "Uusi teksti, joka ei saa kadota." in page
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED


def test_the_story_cannot_be_edited_unless_changes_were_requested(client, submission):
    response = client.post(
        f"{submission.status_path()}muokkaa/",
        form_data(kind="idea", title="Salaa muutettu", story="Ei käy."),
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == "Kokeilimme kävelypalavereja"
    assert "Muokkaa kertomusta" not in client.get(submission.status_path()).content.decode()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 302), ("staff_without_permission", 403), ("submission_viewer", 403)],
)
def test_only_editors_can_request_changes(client, submission, persona, expected, request):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    response = client.post(request_url(submission), {"message": MESSAGE})

    assert response.status_code == expected
    if persona == "anonymous":
        assert response["Location"].startswith("/admin/login/")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.NEW
    assert mail.outbox == []
