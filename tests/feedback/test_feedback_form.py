"""Anna palautetta (/palaute/): only the message is required; the same form rules and
anti-spam as every public form; the editors hear of it, and nothing is shown publicly."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from feedback.models import Feedback
from tests.factories import form_data
from tests.form_pages import heading, hrefs, label, parse, text
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db

FORM = "/palaute/"


def feedback_data(**fields) -> dict:
    return form_data(**{"name": "", "email": "", "message": "Hakusivu on hyvä.", **fields})


def make_feedback(**fields) -> Feedback:
    return Feedback.objects.create(**{"message": "Palautetta.", **fields})


def test_the_form_asks_only_the_message_and_marks_it_required(client):
    form = parse(client.get(FORM).content.decode()).find("form", method="post")

    assert label(form, "id_name") == "Nimi"
    assert label(form, "id_email") == "Sähköposti"
    assert label(form, "id_message") == "Viesti*"
    assert form.find(id="id_message").has_attr("required")
    assert not form.find(id="id_name").has_attr("required")
    assert not form.find(id="id_email").has_attr("required")


def test_a_message_without_name_or_email_is_stored_and_thanked_for(client, settings):
    settings.MODERATOR_EMAILS = ["toimitus@example.fi"]

    response = client.post(FORM, feedback_data())

    assert response.status_code == 302
    assert heading(client.get(response["Location"]).content.decode()) == "Kiitos palautteestasi"
    feedback = Feedback.objects.get()
    assert (feedback.message, feedback.status) == ("Hakusivu on hyvä.", Feedback.Status.NEW)
    mail = OutboxMessage.objects.get()
    assert mail.recipients == ["toimitus@example.fi"]
    assert "Hakusivu on hyvä." in mail.body


def test_an_empty_message_is_refused_with_an_error_that_links_to_the_field(client):
    response = client.post(FORM, feedback_data(message="", name="Maija"))

    page = parse(response.content.decode())
    assert response.status_code == 200
    summary_link = page.find(id="virheet").find("a", href="#id_message")
    assert text(summary_link) == "Viesti: Kirjoita palautteesi."
    assert page.find(id="id_message")["aria-invalid"] == "true"
    assert page.find(id="id_name")["value"] == "Maija"  # what was typed is kept
    assert not Feedback.objects.exists()


def test_a_wrong_address_is_refused(client):
    response = client.post(FORM, feedback_data(email="maija(at)example"))

    assert "Kirjoita sähköpostiosoite muodossa" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_filled_honeypot_is_refused(client):
    response = client.post(FORM, feedback_data(kotisivu="http://spam.example"))

    assert response.status_code == 200
    assert not Feedback.objects.exists()


def test_spam_is_held_and_emails_nobody(client, settings):
    settings.MODERATOR_EMAILS = ["toimitus@example.fi"]

    client.post(FORM, feedback_data(message="Paras casino netissä"))

    assert Feedback.objects.get().status == Feedback.Status.SPAM
    assert not OutboxMessage.objects.exists()


def test_a_double_click_stores_the_message_once(client):
    data = feedback_data()

    client.post(FORM, data)
    client.post(FORM, data)

    assert Feedback.objects.count() == 1


def test_too_many_posts_from_one_address_are_refused_and_the_text_given_back(client, settings):
    settings.RATE_LIMIT_POSTS = 1
    client.post(FORM, feedback_data(message="Ensimmäinen"))

    response = client.post(FORM, feedback_data(message="Toinen viesti"))

    assert response.status_code == 429
    assert "Toinen viesti" in response.content.decode()
    assert Feedback.objects.count() == 1


def test_new_feedback_waits_in_the_editors_moderation_overview(editor_client):
    waiting = make_feedback(message="Odottava palaute")
    make_feedback(message="Käsitelty jo", status=Feedback.Status.HANDLED)
    make_feedback(message="Roskaa", status=Feedback.Status.SPAM)

    page = editor_client.get("/admin/").content.decode()

    assert "Käsittelemättömät palautteet" in page
    assert f"/admin/feedback/feedback/{waiting.pk}/change/" in hrefs(page)
    assert "Käsitelty jo" not in page
    assert "Roskaa" not in page


def test_an_editor_marks_feedback_handled(editor_client):
    feedback = make_feedback()

    editor_client.post(
        "/admin/feedback/feedback/",
        {"action": "mark_handled", "_selected_action": [feedback.pk]},
    )

    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.HANDLED


def test_personal_data_tools_find_export_and_erase_feedback(editor_client):
    make_feedback(email="Maija@example.fi", message="Maijan palaute")
    make_feedback(email="muu@example.fi", message="Toisen palaute")
    url = "/admin/henkilotiedot/"

    page = editor_client.get(url, {"email": "maija@example.fi"}).content.decode()
    assert "Maijan palaute" in page and "Toisen palaute" not in page
    export = editor_client.post(url, {"email": "maija@example.fi", "action": "export"})
    records = json.loads(export.content)["records"]["Palautteet"]
    assert [record["viesti"] for record in records] == ["Maijan palaute"]

    editor_client.post(url, {"email": "maija@example.fi", "action": "erase", "confirm": "on"})

    assert list(Feedback.objects.values_list("message", flat=True)) == ["Toisen palaute"]


def test_handled_feedback_goes_after_a_year_and_spam_after_a_month():
    long_ago = timezone.now() - timedelta(days=366)
    make_feedback(message="vanha käsitelty", status=Feedback.Status.HANDLED)
    make_feedback(message="vanha uusi")
    make_feedback(message="tuore käsitelty", status=Feedback.Status.HANDLED)
    make_feedback(message="vanha roska", status=Feedback.Status.SPAM, created_at=long_ago)
    Feedback.objects.filter(message__startswith="vanha").update(updated_at=long_ago)

    call_command("apply_retention", verbosity=0)

    assert sorted(Feedback.objects.values_list("message", flat=True)) == [
        "tuore käsitelty",
        "vanha uusi",
    ]


def test_the_accessibility_statement_points_to_the_form(client):
    assert FORM in hrefs(client.get("/saavutettavuus/").content.decode())
