"""Editors write cases in the admin: filters, a rendered preview, images with alt text."""

import io
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertInHTML

from cases.models import Case, Sector
from tests.factories import make_case, png_bytes, theme, upload
from tests.form_pages import parse

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/cases/case/"


def case_form(**fields) -> dict:
    now = timezone.localtime()
    data = {
        "kind": "kokeilu",
        "title": "Kuvallinen kokeilu",
        "slug": "kuvallinen-kokeilu",
        "organisation": "Esimerkkilän kaupunki",
        "sector": "kunta",
        "duration": "2024",
        "lead": "Ingressi.",
        "themes": [theme("dialogi").pk],
        "background": "Tausta.",
        "actions": "Teot.",
        "learnings": "Opit.",
        "tips": "Vinkit.",
        "image_alt": "",
        "contact": "",
        "status": "published",
        "language": "fi",
        "published_at_0": now.strftime("%d.%m.%Y"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "submissions-TOTAL_FORMS": "0",
        "submissions-INITIAL_FORMS": "0",
        "submissions-MIN_NUM_FORMS": "0",
        "submissions-MAX_NUM_FORMS": "0",
    }
    data.update(fields)
    return data


def test_the_list_filters_by_kind_sector_theme_and_status(editor_client):
    make_case(title="Kunnan kokeilu", kind=Case.Kind.EXPERIMENT, sector=Sector.MUNICIPALITY)
    make_case(title="Valtion esimerkki", sector=Sector.STATE, themes=["dialogi"])
    make_case(title="Luonnos hyvinvointialueelta", sector=Sector.WELLBEING, status="draft")
    dialogi = theme("dialogi").pk

    def titles(query):
        page = editor_client.get(CHANGELIST + query).content.decode()
        return {
            t
            for t in ("Kunnan kokeilu", "Valtion esimerkki", "Luonnos hyvinvointialueelta")
            if t in page
        }

    assert titles("?kind__exact=kokeilu") == {"Kunnan kokeilu"}
    assert titles("?sector__exact=valtio") == {"Valtion esimerkki"}
    assert titles(f"?themes__id__exact={dialogi}") == {"Valtion esimerkki"}
    assert titles("?status__exact=draft") == {"Luonnos hyvinvointialueelta"}


def test_the_change_page_shows_a_rendered_preview_of_the_sections(editor_client):
    case = make_case(background="Tausta **tärkeä**.", tips="- yksi\n- kaksi")

    page = editor_client.get(f"{CHANGELIST}{case.pk}/change/").content.decode()

    preview = str(parse(page).select_one(".field-preview .valoa-preview"))
    assertInHTML("<h2>Tausta ja haaste</h2>", preview)
    assertInHTML("<p>Tausta <strong>tärkeä</strong>.</p>", preview)
    assertInHTML("<li>yksi</li>", preview)


def test_an_image_is_resized_to_sensible_widths_and_served_with_its_size(editor_client, client):
    photo = upload("iso kuva.png", png_bytes(3000, 2000), "image/png")

    response = editor_client.post(
        CHANGELIST + "add/", {**case_form(image_alt="Tiimi kävelee puistossa."), "image": photo}
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    assert (case.image_width, case.image_height) == (1200, 800)
    assert (case.image_small_width, case.image_small_height) == (600, 400)
    with Image.open(case.image.path) as stored:
        assert stored.size == (1200, 800)
        assert stored.format == "JPEG"
    page = client.get(case.get_absolute_url()).content.decode()
    assert f'src="{case.image.url}"' in page
    assert f'srcset="{case.image_small.url} 600w, {case.image.url} 1200w"' in page
    assert 'width="1200" height="800" alt="Tiimi kävelee puistossa."' in page


def test_a_small_transparent_image_is_not_enlarged_and_keeps_its_transparency(editor_client):
    logo = upload("logo.png", png_bytes(400, 100, mode="RGBA"), "image/png")

    editor_client.post(CHANGELIST + "add/", {**case_form(image_alt="Logo"), "image": logo})

    case = Case.objects.get()
    assert (case.image_width, case.image_height) == (400, 100)
    with Image.open(case.image.path) as stored:
        assert stored.format == "PNG"


def test_an_image_without_alt_text_is_refused(editor_client):
    photo = upload("kuva.png", png_bytes(), "image/png")

    response = editor_client.post(CHANGELIST + "add/", {**case_form(), "image": photo})

    assert "Kirjoita kuvalle tekstivastine: mitä kuvassa on." in response.content.decode()
    assert Case.objects.count() == 0


def test_a_file_that_is_not_an_image_is_refused(editor_client):
    fake = upload("kuva.png", b"not an image", "image/png")

    response = editor_client.post(CHANGELIST + "add/", {**case_form(image_alt="x"), "image": fake})

    assert response.status_code == 200
    assert Case.objects.count() == 0


def test_replacing_the_image_removes_the_old_files(
    editor_client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            CHANGELIST + "add/",
            {**case_form(image_alt="Eka"), "image": upload("eka.png", png_bytes(800, 600))},
        )
    case = Case.objects.get()
    old = [Path(case.image.path), Path(case.image_small.path)]

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"{CHANGELIST}{case.pk}/change/",
            {**case_form(image_alt="Toka"), "image": upload("toka.png", png_bytes(900, 600))},
        )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.image_width == 900
    assert all(not path.exists() for path in old)
    assert Path(case.image.path).exists()


def test_staff_without_the_permission_cannot_open_cases(client, staff_without_permission):
    make_case(title="Piilossa")
    client.force_login(staff_without_permission)

    assert client.get(CHANGELIST).status_code == 403


def test_images_are_stored_in_the_public_media_folder(settings):
    case = make_case()
    buffer = io.BytesIO(png_bytes(50, 50))
    from django.core.files.uploadedfile import SimpleUploadedFile

    case.image = SimpleUploadedFile("pieni.png", buffer.getvalue(), "image/png")
    case.image_alt = "Pieni kuva"
    case.save()

    assert Path(case.image.path).is_relative_to(Path(settings.MEDIA_ROOT))
    assert case.image.url.startswith("/media/innostu/")
