"""Subscriptions are personal data: the privacy notice says so, the editors' tool finds,
exports and erases them, and unconfirmed ones are deleted after a week."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from subscriptions.models import Subscription
from tests.factories import comment_data, form_data, theme
from tests.form_pages import parse
from tests.subscriptions.helpers import mails_to

pytestmark = pytest.mark.django_db
URL = "/admin/henkilotiedot/"


@pytest.fixture
def maija_subscribed(client, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(article.get_absolute_url(), comment_data(ilmoita="on"))
        client.post("/tilaa/", form_data(email="Maija@example.fi", themes=[theme("dialogi").pk]))
        client.post("/tilaa/", form_data(email="muu@example.fi", sections=["innostu"]))


def test_the_privacy_notice_tells_about_subscriptions(client):
    page = parse(client.get("/tietosuoja/").content.decode())

    section = page.find(id="tilaukset")
    assert section.get_text(strip=True) == "Sähköpostitilaukset"
    assert "suostumukseesi" in section.find_next("p").get_text()
    items = [li.get_text(" ", strip=True) for li in page.find_all("li")]
    assert any(item.startswith("Vahvistamattomat sähköpostitilaukset: 7 päivää") for item in items)


def test_export_has_every_subscription_of_the_address(editor_client, maija_subscribed):
    response = editor_client.post(URL, {"email": "maija@example.fi", "action": "export"})

    records = json.loads(response.content)["records"]["Sähköpostitilaukset"]
    assert sorted(record["laji"] for record in records) == ["comment", "digest"]
    assert [r["teemat"] for r in records if r["laji"] == "digest"] == [["dialogi"]]


def test_erasure_deletes_the_subscriptions_and_their_mail(editor_client, maija_subscribed):
    editor_client.post(URL, {"email": "maija@example.fi", "action": "erase", "confirm": "on"})

    assert list(Subscription.objects.values_list("email", flat=True)) == ["muu@example.fi"]
    assert mails_to("maija@example.fi") == mails_to("Maija@example.fi") == []
    assert len(mails_to("muu@example.fi")) == 1


def test_unconfirmed_subscriptions_go_after_a_week(client, maija_subscribed):
    Subscription.objects.filter(email="muu@example.fi").update(confirmed_at=timezone.now())
    Subscription.objects.update(created_at=timezone.now() - timedelta(days=7, minutes=1))
    Subscription.objects.create(kind="digest", email="uusi@example.fi", language="fi")

    call_command("apply_retention")

    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "muu@example.fi",
        "uusi@example.fi",
    ]
    assert mails_to("maija@example.fi") == []
