"""A team of three answers on their own devices and the facilitator sees the aggregate."""

import re

from playwright.sync_api import expect

from workbook.models import Statement, Workbook

LEVELS = ["Ei vielä toteudu", "Toteutuu osittain", "Toteutuu jo hyvin"]


def answer_everything(tab, level_for) -> None:
    """Choose a level for each statement the way a person does: click the text, or the keyboard."""
    fieldsets = tab.locator("fieldset.statement")
    for index in range(fieldsets.count()):
        fieldset = fieldsets.nth(index)
        fieldset.get_by_label(LEVELS[level_for(index)], exact=True).check()


def test_a_team_of_three_answers_and_the_facilitator_sees_the_distribution(page, live_server):
    # The facilitator starts a team workbook.
    page.goto(live_server.url + "/tyokirja/")
    page.get_by_label("Tiiminä, jokainen omalta laitteeltaan").check()
    page.get_by_label("Työkirjan nimi").fill("Lupapalvelut")
    page.get_by_role("button", name="Aloita työkirja").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lupapalvelut")
    expect(page.get_by_role("heading", name="Tallenna tämä linkki")).to_be_visible()
    expect(page.get_by_role("img", name="QR-koodi osallistujien linkkiin")).to_be_visible()
    participant_link = page.get_by_label("Osallistujien linkki", exact=True).input_value()
    facilitator_url = page.url
    workbook = Workbook.objects.get()
    assert participant_link.endswith(f"/tyokirja/osallistu/{workbook.participant_token}/")

    # Copy buttons appear with JavaScript and say what they did.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Kopioi linkki").first.click()
    expect(page.get_by_text("Linkki on kopioitu leikepöydälle.")).to_be_visible()

    # Three people answer, each on their own device (a browser context of their own).
    statement_count = Statement.objects.active().count()
    first_statement = Statement.objects.active().first()
    own_pages = []
    for person in range(3):
        device = page.context.browser.new_context(locale="fi-FI")
        tab = device.new_page()
        tab.goto(participant_link)
        expect(tab.get_by_role("heading", level=1)).to_have_text("Missä olemme nyt?")
        # Person 0 disagrees with the others on the first statement only.
        answer_everything(
            tab, lambda index, person=person: (0 if person == 0 else 2) if index == 0 else 1
        )
        tab.get_by_role("button", name="Tallenna vastaukset").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Omat vastauksesi")
        own_pages.append((device, tab))

    # The facilitator sees the distribution, the disagreement first, and no one's answers.
    page.goto(facilitator_url + "missa-olemme/")
    expect(page.get_by_text("Tulokset: 3 vastausta.")).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Vastausten jakauma"))
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(statement_count)
    first_row = rows.first
    expect(first_row.get_by_role("rowheader")).to_contain_text(first_statement.text)
    expect(first_row.locator("td")).to_have_text(["1", "0", "2", "2,3"])
    expect(rows.nth(1).locator("td")).to_have_text(["0", "3", "0", "2,0"])

    # Each participant now sees their own answer beside the team's distribution.
    device, tab = own_pages[0]
    tab.reload()
    own_row = tab.get_by_role("table").locator("tbody tr").first
    expect(own_row).to_contain_text("Ei vielä toteudu")
    expect(own_row.locator("td.num")).to_have_text(["1", "0", "2"])
    for device, _tab in own_pages:
        device.close()

    # The team goes on together on the facilitator link, with the aggregate in view.
    page.get_by_role("link", name="Jatka vaiheeseen 2").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vaihe 2: Mikä meille on tärkeää")
    expect(page.get_by_text("Tiimin vastaukset vaiheessa 1")).to_be_visible()
    page.get_by_label("Miten voisimme kuunnella toisiamme paremmin?").fill(
        "Puheenvuorot kiertävät."
    )
    page.get_by_role("button", name="Tallenna ja jatka").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vaihe 3: Oma kokeilumme")
    page.get_by_role("link", name=re.compile("Yhteenveto")).click()
    expect(page.get_by_role("img", name=re.compile("Teemojen keskiarvot"))).to_be_visible()
    expect(page.get_by_text("Puheenvuorot kiertävät.")).to_be_visible()


def test_the_plant_scale_works_with_the_keyboard(page, live_server):
    workbook = Workbook.start(Workbook.Mode.SOLO)
    page.goto(live_server.url + f"/tyokirja/{workbook.token}/missa-olemme/")

    first = page.locator("fieldset.statement").first
    first.get_by_label("Ei vielä toteudu", exact=True).focus()
    page.keyboard.press("ArrowRight")

    expect(first.get_by_label("Toteutuu osittain", exact=True)).to_be_checked()
    expect(first.get_by_role("radiogroup")).to_have_count(0)  # a fieldset, named by its legend
    expect(
        page.get_by_role("group", name=re.compile(Statement.objects.active().first().text[:20]))
    ).to_have_count(1)


def test_moving_between_steps_by_the_step_links_saves_what_was_typed(page, live_server):
    workbook = Workbook.start(Workbook.Mode.SOLO)
    page.goto(live_server.url + f"/tyokirja/{workbook.token}/mika-on-tarkeaa/")

    page.get_by_label("Mitä meillä on annettavaa muille?").fill("Kokemusta asiakastyöstä.")
    page.get_by_role("navigation", name="Työkirjan vaiheet").get_by_role(
        "link", name=re.compile("Oma kokeilumme")
    ).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vaihe 3: Oma kokeilumme")
    expect(page.get_by_text("Tallennettu.")).to_be_visible()
    page.go_back()
    page.reload()
    expect(page.get_by_label("Mitä meillä on annettavaa muille?")).to_have_value(
        "Kokemusta asiakastyöstä."
    )
