"""A contributor's attachment can be downloaded by editors in the admin, and by nobody else."""

from pathlib import Path

import pytest
from django.test import Client

from stories.models import Submission
from tests.factories import docx_bytes, pdf_bytes, story_data, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_attachment(db) -> Submission:
    """A story sent with an attachment by a contributor in a browser of their own."""
    response = Client().post(
        "/innostu/kerro/",
        {**story_data(), "attachment": upload("Kokeilun raportti.pdf", pdf_bytes())},
    )
    assert response.status_code == 302
    return Submission.objects.get()


def download_url(submission) -> str:
    return f"/admin/stories/submission/{submission.pk}/liite/"


def test_an_editor_downloads_the_attachment_under_its_original_name(editor_client, with_attachment):
    change_page = editor_client.get(f"/admin/stories/submission/{with_attachment.pk}/change/")
    assert download_url(with_attachment) in change_page.content.decode()
    assert "Lataa Kokeilun_raportti.pdf" in change_page.content.decode()

    response = editor_client.get(download_url(with_attachment))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Kokeilun_raportti.pdf"'
    assert "no-store" in response["Cache-Control"]


def test_a_docx_is_served_as_a_docx_whatever_it_was_called(editor_client):
    Client().post("/innostu/kerro/", {**story_data(), "attachment": upload("x.pdf", docx_bytes())})
    submission = Submission.objects.get()

    response = editor_client.get(download_url(submission))

    assert response["Content-Type"].endswith("wordprocessingml.document")


def test_anonymous_visitors_are_sent_to_the_login_page(client, with_attachment):
    response = client.get(download_url(with_attachment))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("persona", ["staff_without_permission"])
def test_staff_without_the_permission_are_refused(client, with_attachment, persona, request):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(download_url(with_attachment))

    assert response.status_code == 403
    assert pdf_bytes() not in response.content


def test_the_file_has_no_public_address(client, with_attachment, settings):
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / with_attachment.attachment.name
    assert stored.is_file()
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.STATIC_ROOT))

    name = with_attachment.attachment.name
    for url in (
        f"/media/{name}",
        f"/private-media/{name}",
        f"/static/{name}",
        f"/media/../private-media/{name}",
    ):
        response = client.get(url)
        assert response.status_code in {400, 404}, url
        assert pdf_bytes() not in response.content
    with pytest.raises(ValueError, match="no public URL"):
        with_attachment.attachment.url  # noqa: B018


def test_a_missing_file_is_not_found_not_an_error(editor_client, with_attachment, settings):
    (Path(settings.PRIVATE_MEDIA_ROOT) / with_attachment.attachment.name).unlink()

    assert editor_client.get(download_url(with_attachment)).status_code == 404


def test_deleting_a_submission_deletes_its_file(
    with_attachment, settings, django_capture_on_commit_callbacks
):
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / with_attachment.attachment.name

    with django_capture_on_commit_callbacks(execute=True):
        Submission.objects.filter(pk=with_attachment.pk).delete()  # as the admin's bulk delete

    assert not stored.exists()
