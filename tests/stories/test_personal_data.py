"""A contributor's stories in the editors' personal-data tool and in retention."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from cases.models import Case
from stories.models import Submission
from tests.factories import make_submission, pdf_bytes, story_data, upload

pytestmark = pytest.mark.django_db
URL = "/admin/henkilotiedot/"


@pytest.fixture
def maija_story(db) -> Submission:
    Client().post(
        "/innostu/kerro/",
        {**story_data(email="Maija@Example.fi"), "attachment": upload("liite.pdf", pdf_bytes())},
    )
    make_submission(title="Toisen kertomus", email="muu@example.fi")
    return Submission.objects.get(email="Maija@Example.fi")


def test_an_editor_finds_and_exports_a_contributors_stories(editor_client, maija_story):
    page = editor_client.get(URL, {"email": "maija@example.fi"}).content.decode()

    assert "Kertomukset (1)" in page
    assert "Kokeilimme kävelypalavereja" in page
    assert "Toisen kertomus" not in page

    response = editor_client.post(URL, {"email": "maija@example.fi", "action": "export"})
    [record] = json.loads(response.content)["records"]["Kertomukset"]
    assert record["kertomus"].startswith("Kävelimme viikkopalaverit")
    assert record["liite"] == "liite.pdf"
    assert record["organisaatio"] == "Esimerkkilän kaupunki"


def test_erasing_deletes_the_stories_and_their_attachments(
    editor_client, maija_story, settings, django_capture_on_commit_callbacks
):
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / maija_story.attachment.name
    status_link = maija_story.status_path()
    maija_story.create_draft_case()
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(URL, {"email": "maija@example.fi", "action": "erase", "confirm": "on"})

    assert not Submission.objects.filter(email__iexact="maija@example.fi").exists()
    assert Submission.objects.filter(title="Toisen kertomus").exists()
    assert not stored.exists()
    assert Client().get(status_link).status_code == 404
    # The draft made from the story stays for the editors, without her contact details.
    draft = Case.objects.get()
    assert "maija@example.fi" not in draft.contact.lower()
    # Nor do its earlier versions in the case's history.
    assert not draft.history.filter(contact__icontains="maija@example.fi").exists()


def test_spam_stories_are_deleted_after_thirty_days_and_nothing_else(db):
    long_ago = timezone.now() - timedelta(days=31)
    make_submission(title="Vanha roska", status=Submission.Status.SPAM, created_at=long_ago)
    make_submission(title="Uusi roska", status=Submission.Status.SPAM)
    make_submission(title="Vanha hylätty", status=Submission.Status.DECLINED, created_at=long_ago)
    make_submission(title="Vanha uusi", created_at=long_ago)

    call_command("apply_retention", verbosity=0)

    assert sorted(Submission.objects.values_list("title", flat=True)) == [
        "Uusi roska",
        "Vanha hylätty",
        "Vanha uusi",
    ]
