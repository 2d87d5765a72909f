"""An attachment is never left on disk without its story: a save that fails deletes the file it
wrote, the same form sent several times at once leaves one file, and `delete_orphan_files`
(also run by `apply_retention`) removes files no row points to."""

import os
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client

from stories.models import Submission
from tests.factories import make_case, make_submission, pdf_bytes, png_bytes, story_data
from tests.factories import upload as make_upload

pytestmark = pytest.mark.django_db
FORM = "/innostu/kerro/"


def files_in(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def story_with_attachment() -> dict:
    return {**story_data(), "attachment": make_upload("kuvaus.pdf", pdf_bytes())}


def test_a_save_that_fails_after_writing_the_file_deletes_it(client, settings, monkeypatch):
    def database_gone(self, event):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Submission, "notify_editors_on_commit", database_gone)

    response = client.post(FORM, story_with_attachment())

    assert response.status_code == 503
    assert not Submission.objects.exists()
    assert files_in(settings.PRIVATE_MEDIA_ROOT) == []


def test_a_repeat_that_loses_the_race_to_the_first_deletes_its_file(client, settings, monkeypatch):
    data = story_with_attachment()
    client.post(FORM, data)
    data["attachment"].seek(0)
    # The repeat looks before the first is committed: it finds nothing and writes its file.
    monkeypatch.setattr(Submission.objects, "filter", lambda **kw: Submission.objects.none())

    response = client.post(FORM, data)

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert files_in(settings.PRIVATE_MEDIA_ROOT) == [
        settings.PRIVATE_MEDIA_ROOT / submission.attachment.name
    ]


@pytest.mark.postgres
# serialized_rollback: the flush afterwards keeps the data the migrations made (themes, groups)
# for the transactional tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_story_sent_many_times_at_once_leaves_one_row_and_one_file(settings):
    settings.RATE_LIMIT_POSTS = 100
    data = story_data()
    content = pdf_bytes()
    start = threading.Barrier(6)
    statuses = []

    def send() -> None:
        try:
            start.wait()
            response = Client().post(FORM, {**data, "attachment": make_upload("a.pdf", content)})
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * 6
    submission = Submission.objects.get()
    assert files_in(settings.PRIVATE_MEDIA_ROOT) == [
        settings.PRIVATE_MEDIA_ROOT / submission.attachment.name
    ]


def age(path: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_the_command_deletes_old_files_no_row_points_to(settings):
    kept = make_submission(attachment=make_upload("kept.pdf", pdf_bytes()))
    case = make_case(image=make_upload("kuva.png", png_bytes(40, 20)), image_alt="Kuva")
    private = settings.PRIVATE_MEDIA_ROOT / "kertomukset" / "2026" / "01"
    private.mkdir(parents=True)
    orphan, fresh = private / "orpo.pdf", private / "tuore.pdf"
    orphan.write_bytes(b"%PDF-")
    fresh.write_bytes(b"%PDF-")
    orphan_image = settings.MEDIA_ROOT / "innostu" / "orpo.png"
    orphan_image.write_bytes(png_bytes())
    for path in [settings.PRIVATE_MEDIA_ROOT / kept.attachment.name, orphan]:
        age(path, hours=2)
    for path in files_in(settings.MEDIA_ROOT):  # the case's images and the orphan
        age(path, hours=2)

    call_command("delete_orphan_files", verbosity=0)

    assert not orphan.exists() and not orphan_image.exists()
    assert fresh.exists()  # its row may be being saved right now
    assert (settings.PRIVATE_MEDIA_ROOT / kept.attachment.name).exists()
    assert (settings.MEDIA_ROOT / case.image.name).exists()
    assert (settings.MEDIA_ROOT / case.image_small.name).exists()


def test_apply_retention_deletes_them_too(settings, capsys):
    orphan = settings.PRIVATE_MEDIA_ROOT / "kertomukset" / "orpo.pdf"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"%PDF-")
    age(orphan, hours=2)

    call_command("apply_retention")

    assert not orphan.exists()
    assert "Liitteet ja kuvat, joihin mikään ei viittaa: poistettu 1" in capsys.readouterr().out
