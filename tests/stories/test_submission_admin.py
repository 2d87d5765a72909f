"""Editors handle stories in the admin: filters, search, status, an internal note."""

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from stories.models import Submission
from tests.factories import make_submission
from tests.form_pages import link_texts

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/stories/submission/"


def test_the_list_shows_the_stories_with_their_status(editor_client):
    make_submission(title="Uusi kertomus kävelyistä")
    make_submission(title="Hylätty kertomus", status=Submission.Status.DECLINED)

    page = editor_client.get(CHANGELIST).content.decode()

    assert "Uusi kertomus kävelyistä" in page
    assert "Hylätty kertomus" in page
    assert "Ei julkaista" in page


def test_the_list_filters_by_status_and_by_what_waits_for_the_editors(editor_client):
    make_submission(title="Kertomus A")
    make_submission(title="Kertomus B", status=Submission.Status.RETURNED)
    make_submission(title="Kertomus C", status=Submission.Status.IN_REVIEW)
    make_submission(
        title="Kertomus D",
        status=Submission.Status.DECLINED,
        erasure_requested_at=timezone.now(),
    )

    in_review = editor_client.get(CHANGELIST + "?status__exact=in_review").content.decode()
    waiting = editor_client.get(CHANGELIST + "?odottaa=kylla").content.decode()

    assert "Kertomus C" in in_review and "Kertomus A" not in in_review
    for title in ("Kertomus A", "Kertomus B", "Kertomus D"):
        assert title in waiting
    assert "Kertomus C" not in waiting


def test_the_list_filters_by_kind_and_attachment(editor_client):
    make_submission(title="Idea ilman liitettä", kind=Submission.Kind.IDEA)
    make_submission(title="Kokeilu liitteellä", attachment="kertomukset/x.pdf")

    ideas = editor_client.get(CHANGELIST + "?kind__exact=idea").content.decode()
    with_file = editor_client.get(CHANGELIST + "?liite=on").content.decode()

    assert "Idea ilman liitettä" in ideas and "Kokeilu liitteellä" not in ideas
    assert "Kokeilu liitteellä" in with_file and "Idea ilman liitettä" not in with_file


def test_search_finds_stories_by_name_email_organisation_and_text(editor_client):
    make_submission(title="Ensimmäinen", name="Ville Virtanen")
    make_submission(title="Toinen", email="liisa@kunta.example", story="Kokeilimme vuorokierrosta")

    for query, found, not_found in [
        ("Virtanen", "Ensimmäinen", "Toinen"),
        ("liisa@kunta", "Toinen", "Ensimmäinen"),
        ("vuorokierrosta", "Toinen", "Ensimmäinen"),
    ]:
        page = editor_client.get(CHANGELIST, {"q": query}).content.decode()
        titles = set(link_texts(page).values())
        assert found in titles
        assert not_found not in titles


def test_an_editor_changes_the_status_and_writes_an_internal_note(editor_client, submission):
    url = f"/admin/stories/submission/{submission.pk}/change/"
    page = editor_client.get(url).content.decode()
    assert "Sisäinen muistiinpano" in page
    assert "Vain toimituksen nähtävissä" in page

    response = editor_client.post(
        url,
        {"status": "in_review", "internal_note": "Soitan kertojalle ensi viikolla.", "case": ""},
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.IN_REVIEW
    assert submission.internal_note == "Soitan kertojalle ensi viikolla."
    assert LogEntry.objects.filter(object_id=str(submission.pk)).exists()
    # The note is never shown to the contributor.
    status_page = editor_client.get(submission.status_path()).content.decode()
    assert "Soitan kertojalle" not in status_page


def test_what_the_contributor_sent_cannot_be_rewritten_in_the_admin(editor_client, submission):
    url = f"/admin/stories/submission/{submission.pk}/change/"

    editor_client.post(url, {"status": "new", "internal_note": "", "story": "Väärennetty"})

    submission.refresh_from_db()
    assert submission.story.startswith("Kävelimme palaverit")


def test_stories_are_not_added_in_the_admin(editor_client):
    assert editor_client.get(CHANGELIST + "add/").status_code == 403


def test_an_erasure_request_can_be_marked_handled(editor_client):
    asked = make_submission(title="Poista minut", erasure_requested_at=timezone.now())

    editor_client.post(
        CHANGELIST, {"action": "erasure_handled", "_selected_action": [asked.pk]}, follow=True
    )

    asked.refresh_from_db()
    assert asked.erasure_requested_at is None
    assert LogEntry.objects.filter(
        object_id=str(asked.pk), change_message="Poistopyyntö käsitelty."
    ).exists()


def test_staff_without_the_permission_cannot_see_the_stories(client, staff_without_permission):
    make_submission(title="Salainen kertomus")
    client.force_login(staff_without_permission)

    response = client.get(CHANGELIST)

    assert response.status_code == 403
    assert "Salainen kertomus" not in response.content.decode()
