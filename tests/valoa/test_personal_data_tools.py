"""Editors find, export and erase a person's data by email in the admin; every action logged."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission

from insights.models import Comment
from tests.factories import make_comment
from tests.form_pages import parse
from valoa.models import OutboxMessage, PersonalDataAction
from valoa.personal_data import email_digest

pytestmark = pytest.mark.django_db
URL = "/admin/henkilotiedot/"


@pytest.fixture
def maija_data(article):
    make_comment(article, email="Maija@Example.fi", name="Maija", body="Kommenttini")
    make_comment(None, email="maija@example.fi", name="Maija", body="Oivallukseni")
    make_comment(article, email="muu@example.fi", name="Muu", body="Toisen kommentti")
    OutboxMessage.objects.create(
        purpose="x", subject="Kuittaus", body="…", recipients=["maija@example.fi"]
    )


def test_editor_finds_everything_linked_to_an_address(editor_client, maija_data):
    page = editor_client.get(URL, {"email": "maija@example.fi"}).content.decode()

    assert "Kommenttini" in page and "Oivallukseni" in page and "Kuittaus" in page
    assert "Toisen kommentti" not in page
    action = PersonalDataAction.objects.get()
    assert action.action == "search"
    assert action.email_digest == email_digest("maija@example.fi")


def test_export_gives_json_with_every_record(editor_client, maija_data):
    response = editor_client.post(URL, {"email": "maija@example.fi", "action": "export"})

    assert response["Content-Disposition"] == 'attachment; filename="henkilotiedot.json"'
    data = json.loads(response.content)
    texts = [record["teksti"] for record in data["records"]["Kommentit ja oivallukset"]]
    assert sorted(texts) == ["Kommenttini", "Oivallukseni"]
    assert PersonalDataAction.objects.filter(action="export").exists()


def test_erase_anonymises_comments_and_deletes_mail_only_when_confirmed(editor_client, maija_data):
    unconfirmed = editor_client.post(URL, {"email": "maija@example.fi", "action": "erase"})
    assert "Vahvista poisto" in unconfirmed.content.decode()
    assert Comment.objects.filter(email__iexact="maija@example.fi").count() == 2

    editor_client.post(URL, {"email": "maija@example.fi", "action": "erase", "confirm": "on"})

    assert not Comment.objects.filter(email__iexact="maija@example.fi").exists()
    assert not Comment.objects.filter(name="Maija").exists()
    assert Comment.objects.filter(body="Kommenttini", name="Nimetön", email="").exists()
    assert not OutboxMessage.objects.exists()
    assert Comment.objects.filter(email="muu@example.fi").exists()
    erase = PersonalDataAction.objects.get(action="erase")
    assert erase.summary["Kommentit ja oivallukset"] == 2
    assert LogEntry.objects.filter(object_id=str(erase.pk), user__username="toimittaja").exists()


def test_staff_without_the_permission_and_readers_cannot_use_it(
    client, staff_without_permission, maija_data
):
    assert client.get(URL).status_code == 302  # to the login

    client.force_login(staff_without_permission)
    assert client.get(URL, {"email": "maija@example.fi"}).status_code == 403
    assert not PersonalDataAction.objects.exists()


def test_the_log_is_readable_but_not_editable_by_editors(editor):
    assert editor.has_perm("valoa.view_personaldataaction")
    assert not editor.has_perm("valoa.change_personaldataaction")
    assert Permission.objects.filter(codename="handle_personal_data").exists()


def test_found_comments_show_their_status_by_its_label(editor_client, maija_data):
    page = parse(editor_client.get(URL, {"email": "maija@example.fi"}).content.decode())
    records = [item.get_text(" ", strip=True) for item in page.find_all("li")]
    kommenttini = next(record for record in records if "Kommenttini" in record)
    assert "tila : Hyväksytty" in kommenttini
    assert "approved" not in page.get_text()
