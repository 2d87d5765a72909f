"""A contributor sends a story with an attachment in a real browser, then follows its status."""

import re
from pathlib import Path

from playwright.sync_api import expect

from stories.models import Submission
from tests.factories import pdf_bytes

STORY = re.compile(r"^Kertomus\b")  # the name ends with the * of a required field
PDF = {"name": "Kokeilun raportti.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}


def test_a_contributor_sends_a_story_with_an_attachment(page, live_server, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    page.goto(live_server.url + "/innostu/")
    page.get_by_role("link", name="Kerro oma kokemuksesi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kerro kokemuksesta")
    expect(page.get_by_text("Kertomus voi olla julkinen asiakirja")).to_be_visible()

    # A first try without a name: the errors are summarised and focused, the text is kept,
    # and the page says that the attachment must be chosen again.
    page.get_by_label("Sähköposti").fill("maija@example.fi")
    page.get_by_label("Organisaatio").fill("Esimerkkilän kaupunki")
    page.get_by_label("Kokeilu: jotain kokeiltiin rajatun ajan").check()
    page.get_by_label("Otsikko").fill("Kävelypalaverit")
    page.get_by_role("textbox", name=STORY).fill("Kävelimme viikkopalaverit ulkona kuukauden.")
    page.get_by_label("Dialogi").check()
    page.get_by_label("Liite").set_input_files(PDF)
    page.get_by_label("Toimitus saa ottaa minuun yhteyttä").check()
    page.get_by_role("button", name="Lähetä kertomus").click()

    summary = page.locator("#virheet")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Nimi: Kirjoita nimesi.")
    expect(summary).to_contain_text("valitse se uudelleen")
    expect(page.get_by_role("textbox", name=STORY)).to_have_value(
        "Kävelimme viikkopalaverit ulkona kuukauden."
    )
    expect(page.get_by_label("Dialogi")).to_be_checked()
    summary.get_by_role("link", name=re.compile("^Nimi")).click()
    expect(page.get_by_label("Nimi")).to_be_focused()

    # The second try, with the name and the attachment chosen again, goes through.
    page.get_by_label("Nimi").fill("Maija Meikäläinen")
    page.get_by_label("Liite").set_input_files(PDF)
    page.get_by_label("Toimitus saa ottaa minuun yhteyttä").check()
    page.get_by_role("button", name="Lähetä kertomus").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kiitos, kertomuksesi on vastaanotettu"
    )
    expect(page.get_by_text("Mitä seuraavaksi tapahtuu")).to_be_visible()
    submission = Submission.objects.get()
    assert submission.attachment_name == "Kokeilun_raportti.pdf"
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / submission.attachment.name).read_bytes() == (
        pdf_bytes()
    )

    # The status page shows what was sent; the attachment itself is for editors only.
    page.get_by_role("link", name="Kertomuksesi tilasivulle").click()
    expect(page.get_by_role("heading", name="Tila: Vastaanotettu")).to_be_visible()
    expect(page.get_by_text("Kokeilun_raportti.pdf (näkyy vain toimitukselle)")).to_be_visible()
    assert page.locator(f'a[href*="{submission.attachment.name}"]').count() == 0

    # Keyboard users can withdraw it.
    page.get_by_role("link", name="Peru kertomus").click()
    page.get_by_role("button", name="Kyllä, peru kertomus").press("Enter")
    expect(page.get_by_role("heading", name="Tila: Peruttu")).to_be_visible()
