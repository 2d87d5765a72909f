"""Every workbook page: one h1, no inline scripts or styles (CSP), decorative icons hidden."""

import re

import pytest

from tests.workbook.helpers import add_participant, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client, solo, team, statements):
    participant = add_participant(team, statements)
    for _ in range(2):
        add_participant(team, statements)
    addresses = [
        "/tyokirja/",
        team.participant_url(),
        participant.get_absolute_url(),
        participant.get_absolute_url() + "muuta/",
    ]
    for workbook in (solo, team):
        addresses += [
            url(name, workbook)
            for name in ("overview", "assessment", "reflection", "experiment", "summary")
        ]
    return {address: client.get(address).content.decode() for address in addresses}


def test_every_page_has_exactly_one_h1(pages):
    for address, page in pages.items():
        assert len(re.findall(r"<h1[ >]", page)) == 1, address


def test_no_page_has_inline_scripts_or_style_attributes(pages):
    for address, page in pages.items():
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), address
        assert not re.search(r"\sstyle=\"", page), address
        assert " on" + "click=" not in page, address
        assert "js/workbook.js" in page, address


def test_plant_icons_are_decoration_and_the_text_names_each_choice(client, solo, statements):
    page = client.get(url("assessment", solo)).content.decode()

    icons = re.findall(r"<img [^>]*plant-\d\.svg[^>]*>", page)
    assert len(icons) == 3 * len(statements)
    for icon in icons:
        assert 'alt=""' in icon
        assert 'aria-hidden="true"' in icon
    first = statements[0]
    fieldset = page.split(f"{first.text}", 1)[1].split("</fieldset>", 1)[0]
    assert fieldset.count('type="radio"') == 3
    for label in ("Ei vielä toteudu", "Toteutuu osittain", "Toteutuu jo hyvin"):
        assert f"<span>{label}</span></label>" in fieldset
    assert re.search(r"<legend>.*" + re.escape(first.text), page)


def test_radio_buttons_have_labels_that_point_at_them(client, solo, statements):
    page = client.get(url("assessment", solo)).content.decode()

    for radio_id in re.findall(r'<input type="radio"[^>]*id="([^"]+)"', page):
        assert f'<label for="{radio_id}">' in page


def test_step_1_hints_to_look_at_the_last_month(client, solo, team):
    assert "viimeistä kuukautta" in client.get(url("assessment", solo)).content.decode()
    assert "viimeistä kuukautta" in client.get(team.participant_url()).content.decode()


def test_the_team_gets_its_participant_link_as_a_qr_code_image(client, team):
    page = client.get(team.get_absolute_url()).content.decode()

    qr = re.search(r'<img src="(data:image/svg\+xml[^"]+)" alt="([^"]+)"', page)
    assert qr, "no QR code image"
    assert "QR-koodi" in qr.group(2)


def test_the_qr_code_is_made_on_the_server(team):
    from workbook.views import qr_code_data_uri

    address = "http://testserver" + team.participant_url()
    data_uri = qr_code_data_uri(address)

    assert data_uri.startswith("data:image/svg+xml")
    assert len(data_uri) > 1000


def test_the_step_links_show_the_current_step(client, solo):
    page = client.get(url("reflection", solo)).content.decode()

    current = re.findall(r'<a href="([^"]+)" aria-current="step"', page)
    assert current == [url("reflection", solo)]
