"""Attachments: PDF, DOCX, ODT, JPEG or PNG up to 10 MB, recognised by content, stored privately."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile

from stories import attachments
from stories.forms import AttachmentMixin, SubmissionForm
from stories.models import Submission
from tests import factories
from tests.factories import story_data, upload

pytestmark = pytest.mark.django_db

FORM = "/innostu/kerro/"


def post_with(client, file):
    return client.post(FORM, {**story_data(), "attachment": file})


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("raportti.pdf", factories.pdf_bytes(), "pdf"),
        ("Kokeilun kuvaus.docx", factories.docx_bytes(), "docx"),
        ("muistio.odt", factories.odt_bytes(), "odt"),
        ("kuva.jpeg", factories.jpeg_bytes(), "jpg"),
        ("kaavio.png", factories.png_bytes(), "png"),
    ],
)
def test_each_accepted_type_is_stored_privately_under_a_name_of_its_real_type(
    client, settings, name, content, extension
):
    response = post_with(client, upload(name, content))

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.attachment_name == name.replace(" ", "_")
    assert submission.attachment_type == extension
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / submission.attachment.name
    assert stored.read_bytes() == content
    assert stored.suffix == f".{extension}"
    assert name not in submission.attachment.name  # a random name, not the contributor's
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing in the public media folder


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("raportti.pdf", b"MZ\x90\x00 this is a Windows program"),
        ("raportti.pdf", b"<html><script>alert(1)</script></html>"),
        ("kuva.png", b"GIF89a not a png at all"),
        ("teksti.docx", b"PK\x03\x04 a broken zip"),
        ("paketti.docx", factories._zip({"readme.txt": b"just a zip"})),
        (
            "laskelma.odt",
            factories._zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
        ),
    ],
    ids=["program-as-pdf", "html-as-pdf", "gif-as-png", "broken-zip", "plain-zip", "ods-as-odt"],
)
def test_a_file_whose_content_is_not_an_accepted_type_is_refused_whatever_its_name(
    client, name, content
):
    response = post_with(client, upload(name, content, "application/pdf"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Liitteen pitää olla PDF-, DOCX-, ODT-, JPEG- tai PNG-tiedosto." in page
    assert f"Tiedosto ”{name}” ei sisällöltään ole mikään näistä" in page
    assert "Jos valitsit liitetiedoston, valitse se uudelleen" in page
    assert "Kävelimme viikkopalaverit ulkona" in page  # the story is kept
    assert Submission.objects.count() == 0


def test_a_pdf_named_like_an_image_is_taken_as_what_it_is(client):
    post_with(client, upload("kuva.png", factories.pdf_bytes(), "image/png"))

    submission = Submission.objects.get()
    assert submission.attachment_type == "pdf"
    assert submission.attachment.name.endswith(".pdf")


def test_an_empty_file_is_refused(client):
    response = post_with(client, upload("tyhja.pdf", b""))

    assert "Liitetiedosto on tyhjä" in response.content.decode()
    assert Submission.objects.count() == 0


def test_a_too_large_file_is_refused_with_a_clear_message_and_is_never_read_in(client, monkeypatch):
    seen = []
    check = AttachmentMixin.clean_attachment

    def spy(form):
        seen.append(type(form.cleaned_data["attachment"]))
        return check(form)

    monkeypatch.setattr(AttachmentMixin, "clean_attachment", spy)
    monkeypatch.setattr(
        attachments, "detect_kind", lambda file: pytest.fail("a too large file was read")
    )
    too_large = factories.pdf_bytes() + b"0" * (10 * 1024 * 1024)

    response = post_with(client, upload("iso.pdf", too_large, "application/pdf"))

    page = response.content.decode()
    assert "Liite on liian suuri (10,0 Mt). Suurin sallittu koko on 10 Mt." in page
    assert "lähetä kertomus ilman liitettä" in page
    assert "Kävelimme viikkopalaverit ulkona" in page
    assert Submission.objects.count() == 0
    # Django streamed the upload to a temporary file on disk instead of holding it in memory.
    assert seen == [TemporaryUploadedFile]


class UnreadableUpload(UploadedFile):
    """An upload that only tells its size; reading any of it fails the test."""

    def __init__(self, size: int):
        super().__init__(file=None, name="valtava.pdf", content_type="application/pdf", size=size)

    def read(self, *args, **kwargs):
        pytest.fail("the form read a file that was already known to be too large")

    seek = chunks = open = read


def test_the_size_is_checked_before_anything_is_read():
    form = SubmissionForm(story_data(), {"attachment": UnreadableUpload(2 * 1024**3)})

    assert not form.is_valid()
    assert "Liite on liian suuri (2048,0 Mt)" in form.errors["attachment"][0]


def test_large_uploads_are_streamed_to_disk_not_memory(settings):
    assert attachments.max_bytes() > settings.FILE_UPLOAD_MAX_MEMORY_SIZE


def test_the_size_limit_follows_the_setting(client, settings):
    settings.SUBMISSION_ATTACHMENT_MAX_MB = 1
    content = factories.pdf_bytes() + b"0" * (1024 * 1024)

    page = post_with(client, upload("iso.pdf", content)).content.decode()

    assert "Suurin sallittu koko on 1 Mt." in page
    assert "enintään 1 Mt" in page  # the help text says the same
