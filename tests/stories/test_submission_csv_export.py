"""Editors export selected submissions as CSV for a spreadsheet; each export is logged."""

import csv
import io

import pytest
from django.contrib.admin.models import LogEntry

from tests.factories import make_submission

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/stories/submission/"


def export(client, *submissions):
    return client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [s.pk for s in submissions]}
    )


def rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs then read it as UTF-8
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_the_selected_submissions_are_exported_with_their_details(editor_client):
    chosen = make_submission(
        title="Vuorosuunnittelu tiimille",
        story="Rivi 1;\nRivi 2 ”lainaus”",
        phone="040 123 4567",
        themes=["dialogi", "jaettu-johtajuus"],
        internal_note="Soita maanantaina",
    )
    make_submission(title="Ei valittu")

    response = export(editor_client, chosen)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="valoa-kertomukset-')
    header, *data = rows(response)
    assert header[:5] == ["Tunniste", "Lähetetty", "Tila", "Laji", "Otsikko"]
    assert len(data) == 1
    row = dict(zip(header, data[0], strict=True))
    assert row["Otsikko"] == "Vuorosuunnittelu tiimille"
    assert row["Kertomus"] == "Rivi 1;\nRivi 2 ”lainaus”"
    assert row["Tila"] == "Uusi"
    assert row["Laji"] == "Kokeilu"
    assert row["Teemat"] == "Jaettu johtajuus, Dialogi"
    assert row["Sähköposti"] == "maija@example.fi"
    assert row["Puhelin"] == "040 123 4567"
    assert row["Sisäinen muistiinpano"] == "Soita maanantaina"
    assert "Ei valittu" not in response.content.decode()
    assert LogEntry.objects.filter(
        object_id=str(chosen.pk), change_message="Viety CSV-tiedostoon."
    ).exists()


def test_text_that_looks_like_a_formula_is_not_run_by_the_spreadsheet(editor_client):
    submission = make_submission(title='=HYPERLINK("http://paha.example")', name="+358 nimi")

    header, row = rows(export(editor_client, submission))

    values = dict(zip(header, row, strict=True))
    assert values["Otsikko"] == '\'=HYPERLINK("http://paha.example")'
    assert values["Nimi"] == "'+358 nimi"


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 302), ("staff_without_permission", 403), ("submission_viewer", 200)],
)
def test_export_needs_the_permission(client, submission, persona, expected, request):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    response = export(client, submission)

    assert response.status_code == expected
    assert not response.get("Content-Type", "").startswith("text/csv")
    assert "maija@example.fi" not in response.content.decode()
