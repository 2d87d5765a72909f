"""The receipt goes to an address nobody confirmed: it carries the title (made safe) and the
status link, nothing else the sender wrote, and one address gets a few a day at most."""

import pytest
from django.core import mail

from stories.models import RECEIPTS_PER_ADDRESS_PER_DAY, Submission
from tests.factories import pdf_bytes, story_data, upload

pytestmark = pytest.mark.django_db
FORM = "/innostu/kerro/"


def receipts_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_the_receipt_quotes_nothing_but_the_title(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            FORM,
            {
                **story_data(
                    name="Mainostaja Oy",
                    phone="040 123 4567",
                    role="Osta halpaa",
                    organisation="Huijauspalvelu",
                    story="Klikkaa tästä: voita 1000 euroa heti.",
                ),
                "attachment": upload("Lasku-maksa-heti.pdf", pdf_bytes()),
            },
        )

    (receipt,) = receipts_to("maija@example.fi")
    submission = Submission.objects.get()
    for chosen in [
        "Mainostaja",
        "040 123 4567",
        "Osta halpaa",
        "Huijauspalvelu",
        "voita 1000 euroa",
        "Lasku-maksa-heti",
    ]:
        assert chosen not in receipt.body
        assert chosen not in receipt.subject
    assert "Kokeilimme kävelypalavereja" in receipt.body
    assert submission.status_url() in receipt.body


def test_a_title_with_line_breaks_is_one_safe_line_in_subject_and_body(
    client, django_capture_on_commit_callbacks
):
    title = "Ensimmäinen rivi\r\nBcc: kaikki@example.fi\x1b\u2028loppu"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, story_data(title=title))

    assert response.status_code == 302
    (receipt,) = receipts_to("maija@example.fi")
    safe = "Ensimmäinen rivi Bcc: kaikki@example.fi loppu"
    assert receipt.subject == f"[VALOA] Kiitos kertomuksestasi: {safe}"
    assert f"”{safe}”" in receipt.body
    assert receipt.bcc == []
    (notice,) = receipts_to("toimitus@example.fi")
    assert notice.subject == f"[VALOA] Uusi kertomus: {safe}"


def test_a_long_title_is_cut_in_the_subject(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM, story_data(title="Pitkä " * 33))

    (receipt,) = receipts_to("maija@example.fi")
    assert len(receipt.subject) <= 150
    assert receipt.subject.endswith("…")


def test_one_address_gets_a_few_receipts_a_day_and_the_thank_you_page_says_so(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            client.post(FORM, story_data(title=f"Kertomus {number}"))
            for number in range(RECEIPTS_PER_ADDRESS_PER_DAY + 2)
        ]

    assert Submission.objects.count() == RECEIPTS_PER_ADDRESS_PER_DAY + 2  # every story kept
    assert len(receipts_to("maija@example.fi")) == RECEIPTS_PER_ADDRESS_PER_DAY
    assert len(receipts_to("toimitus@example.fi")) == RECEIPTS_PER_ADDRESS_PER_DAY + 2
    first = client.get(responses[0]["Location"]).content.decode()
    last = client.get(responses[-1]["Location"]).content.decode()
    assert "Lähetimme sähköpostiisi kuittauksen" in first
    assert "Emme lähettäneet tällä kertaa kuittausta" in last
    assert "Lähetimme sähköpostiisi kuittauksen" not in last
