"""Every workbook page: one h1, no inline scripts or styles (CSP), decorative icons hidden."""

import re

import pytest

from tests.form_pages import parse, text
from tests.page_checks import inline_scripts, styled_elements
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
    return {address: parse(client.get(address).content.decode()) for address in addresses}


def test_every_page_has_exactly_one_h1(pages):
    for address, page in pages.items():
        assert len(page.find_all("h1")) == 1, address


def test_no_page_has_inline_scripts_or_style_attributes(pages):
    for address, page in pages.items():
        assert inline_scripts(page) == [], address
        assert styled_elements(page) == [], address
        handlers = [name for tag in page.find_all(True) for name in tag.attrs if name[:2] == "on"]
        assert handlers == [], address  # no inline event handlers either
        assert any("js/workbook.js" in script.get("src", "") for script in page("script")), address


def test_plant_icons_are_decoration_and_the_text_names_each_choice(client, solo, statements):
    page = parse(client.get(url("assessment", solo)).content.decode())

    icons = page.find_all("img", src=re.compile(r"plant-\d\.svg"))
    assert len(icons) == 3 * len(statements)
    for icon in icons:
        assert icon.get("alt") == ""
        assert icon.get("aria-hidden") == "true"
    first = statements[0]
    legend = page.find(lambda tag: tag.name == "legend" and first.text in text(tag))
    fieldset = legend.find_parent("fieldset")
    assert len(fieldset.find_all("input", type="radio")) == 3
    assert [text(label.span) for label in fieldset.find_all("label") if label.span] == [
        "Ei vielä toteudu",
        "Toteutuu osittain",
        "Toteutuu jo hyvin",
    ]


def test_radio_buttons_have_labels_that_point_at_them(client, solo, statements):
    page = parse(client.get(url("assessment", solo)).content.decode())

    radios = page.find_all("input", type="radio")
    assert radios
    for radio in radios:
        assert page.find("label", attrs={"for": radio["id"]})


def test_step_1_hints_to_look_at_the_last_month(client, solo, team):
    assert "viimeistä kuukautta" in client.get(url("assessment", solo)).content.decode()
    assert "viimeistä kuukautta" in client.get(team.participant_url()).content.decode()


def test_the_team_gets_its_participant_link_as_a_qr_code_image(client, team):
    page = parse(client.get(team.get_absolute_url()).content.decode())

    qr = page.find("img", src=re.compile(r"^data:image/svg\+xml"))
    assert qr, "no QR code image"
    assert "QR-koodi" in qr.get("alt", "")


def test_the_qr_code_is_made_on_the_server(team):
    from workbook.views import qr_code_data_uri

    address = "http://testserver" + team.participant_url()
    data_uri = qr_code_data_uri(address)

    assert data_uri.startswith("data:image/svg+xml")
    assert len(data_uri) > 1000


def test_the_step_links_show_the_current_step(client, solo):
    page = parse(client.get(url("reflection", solo)).content.decode())

    current = [link["href"] for link in page.find_all("a", attrs={"aria-current": "step"})]
    assert current == [url("reflection", solo)]
