"""A facilitator and six participants, each in a browser of their own (participants on 360 px
phones): repeat opens and double submits make one participant each, the results appear at the
threshold and change only in steps of it, the exports work (CSV, calendar, a one-page PDF with
absolute links, the story form prefilled) and a second round asks first. axe-core finds nothing
on the pages the team rules added."""

import csv
import io
import re
from datetime import date, timedelta

from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.a11y import axe_violations, choose_levels, horizontal_overflow
from workbook.models import Participant, Round, Statement, Workbook

LEVELS = ["Ei vielä toteudu", "Toteutuu osittain", "Toteutuu jo hyvin"]
PHONE = {"width": 360, "height": 740}


def no_problems(page, where: str) -> None:
    problems = axe_violations(page) + horizontal_overflow(page)
    assert not problems, f"{where}: " + "\n".join(problems)


def answer(tab, level: int, submit="click") -> None:
    choose_levels(tab, [LEVELS[level]])
    button = tab.get_by_role("button", name="Tallenna vastaukset")
    button.dblclick() if submit == "double" else button.click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Omat vastauksesi")


def distribution(page) -> list[list[str]]:
    table = page.get_by_role("table", name=re.compile("Vastausten jakauma"))
    return [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]


def test_a_team_answers_once_each_sees_results_in_steps_and_takes_them_out(page, live_server):
    base = live_server.url
    browser = page.context.browser

    # The facilitator starts a team workbook and gives the team's sector.
    page.goto(base + "/tyokirja/")
    page.get_by_label("Tiiminä, jokainen omalta laitteeltaan").check()
    page.get_by_label("Työkirjan nimi").fill("Lupapalvelut")
    page.get_by_label("Sektori").select_option("kunta")
    page.get_by_role("button", name="Aloita työkirja").click()
    link = page.get_by_label("Osallistujien linkki", exact=True).input_value()
    facilitator = page.url
    workbook = Workbook.objects.get()
    assert workbook.sector == "kunta"
    step1 = facilitator + "missa-olemme/"

    phones = []

    def new_phone():
        device = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True, has_touch=True)
        phones.append(device)
        return device.new_page()

    # The first participant answers on a phone with a double click…
    first = new_phone()
    first.goto(link)
    no_problems(first, "participant form at 360 px")
    answer(first, 0, submit="double")
    own_page = first.url
    no_problems(first, "own answers below the threshold at 360 px")
    # …goes back, and opens the link again (the QR code, scanned twice): their own answers.
    first.go_back()
    expect(first.get_by_role("heading", level=1)).to_have_text("Muuta vastauksiasi")
    first.goto(link)
    expect(first.get_by_role("heading", level=1)).to_have_text("Muuta vastauksiasi")
    expect(first.get_by_text("Olet jo vastannut tähän kierrokseen")).to_be_visible()
    expect(
        first.locator("fieldset.statement").first.get_by_label(LEVELS[0], exact=True)
    ).to_be_checked()
    no_problems(first, "a repeat open at 360 px")
    first.get_by_role("button", name="Tallenna muutokset").click()
    expect(first.get_by_role("heading", level=1)).to_have_text("Omat vastauksesi")
    assert Participant.objects.count() == 1

    # Below the threshold the facilitator sees only how many have answered.
    second = new_phone()
    second.goto(link)
    answer(second, 2)
    page.goto(step1)
    expect(page.get_by_text("2 vastausta.")).to_be_visible()
    expect(page.get_by_text("Vielä tarvitaan 1 vastaus.")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Vastausten jakauma"))).to_have_count(0)
    no_problems(page, "facilitator below the threshold")

    # The third answer publishes the results.
    third = new_phone()
    third.goto(link)
    answer(third, 2)
    page.reload()
    expect(page.get_by_text("Tulokset: 3 vastausta.")).to_be_visible()
    published = distribution(page)
    assert published[0][:3] == ["1", "0", "2"]
    no_problems(page, "facilitator with results")
    first.goto(own_page)
    own_counts = first.locator("tbody tr").first.locator("td.num").all_inner_texts()
    assert own_counts == ["1", "0", "2"]
    no_problems(first, "own answers beside the team at 360 px")

    # A fourth answer changes nothing anyone sees; three more than the last results do.
    fourth = new_phone()
    fourth.goto(link)
    answer(fourth, 1)
    page.reload()
    assert distribution(page) == published
    expect(page.get_by_text("Sen jälkeen on tullut 1 uusi vastaus.")).to_be_visible()
    expect(
        page.get_by_text("2 uutta vastausta tarvitaan ennen kuin tulokset päivittyvät.")
    ).to_be_visible()
    first.reload()
    assert first.locator("tbody tr").first.locator("td.num").all_inner_texts() == own_counts
    for level in (1, 1):
        tab = new_phone()
        tab.goto(link)
        answer(tab, level)
    page.reload()
    expect(page.get_by_text("Tulokset: 6 vastausta.")).to_be_visible()
    assert distribution(page) != published
    assert Participant.objects.count() == 6

    # The plan, then the exports from the summary.
    page.goto(facilitator + "kokeilu/")
    page.get_by_label("Mitä teemaa kokeilu kehittää?").select_option(label="Dialogi")
    page.get_by_label("Mitä kokeilemme?").fill("Kävelypalaverit")
    page.get_by_label("Miksi kokeilemme juuri tätä?").fill("Keskustelu avautuu.")
    page.get_by_label("Kuka tekee mitä?").fill("Vetäjä varaa ajan.")
    page.get_by_label("Mihin mennessä?").fill((date.today() + timedelta(days=30)).isoformat())
    page.get_by_label("Mistä tiedämme, että kokeilu onnistui?").fill("Kaikki puhuvat.")
    look_back = date.today() + timedelta(days=60)
    page.get_by_label("Milloin katsomme taaksepäin?").fill(look_back.isoformat())
    page.get_by_role("button", name="Tallenna ja jatka").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vaihe 4: Yhteenveto")
    no_problems(page, "summary with exports")

    with page.expect_download() as download:
        page.get_by_role("link", name="Tulokset ja suunnitelma CSV-tiedostona").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["Vastauksia tuloksissa", "6"] in rows
    assert ["Mitä kokeilemme?", "Kävelypalaverit"] in rows

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("taaksepäin katsomisen päivä kalenteriin")).click()
    event = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")[0]
    assert event.decoded("dtstart") == look_back

    # The one-page printout: checked in Chromium's print-to-PDF.
    page.get_by_role("link", name="Yhden sivun tuloste palaveriin").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lupapalvelut")
    no_problems(page, "printout on screen")
    page.emulate_media(media="print")
    printed_links = page.locator(".print-sheet a").evaluate_all(
        "links => links.map(a => getComputedStyle(a, '::after').content + ' ' + a.href)"
    )
    assert printed_links and all(base in link for link in printed_links)
    pdf = page.pdf(format="A4", print_background=True)
    assert re.findall(rb"/Count (\d+)", pdf) == [b"1"], "the printout takes more than one page"
    uris = re.findall(rb"/URI \(([^)]*)\)", pdf)
    assert uris and all(uri.startswith(base.encode()) for uri in uris)
    page.emulate_media(media="screen")

    # Sharing the experiment opens the story form, filled in, and sends nothing.
    page.goto(facilitator + "yhteenveto/")
    page.get_by_role("link", name="Kerro kokeilustanne muille Innostu-osiossa").click()
    expect(page.get_by_label("Otsikko")).to_have_value("Kävelypalaverit")
    expect(page.get_by_label("Kokeilu: jotain kokeiltiin rajatun ajan")).to_be_checked()
    expect(page.get_by_label("Dialogi")).to_be_checked()
    no_problems(page, "prefilled story form")

    # Round 2 only after answers, and only after saying yes.
    page.goto(facilitator)
    page.get_by_role("link", name="Aloita kierros 2").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aloitetaanko kierros 2?")
    no_problems(page, "confirming a new round")
    assert Round.objects.filter(workbook=workbook).count() == 1
    page.get_by_role("button", name="Aloita kierros 2").click()
    expect(page.get_by_text("Kierros 2 on aloitettu.")).to_be_visible()
    first.goto(link)
    expect(first.get_by_role("heading", level=1)).to_have_text("Missä olemme nyt?")
    answer(first, 2)
    first.goto(link)
    expect(first.get_by_role("heading", level=1)).to_have_text("Muuta vastauksiasi")
    assert Participant.objects.filter(round__number=2).count() == 1

    # The facilitator's guide and the paper workbook.
    page.goto(base + "/tyokirja/ohje/")
    no_problems(page, "facilitator's guide")
    page.get_by_role("link", name="Tulostettava työkirja").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("VALOA-työkirja paperilla")
    expect(page.locator(".blank-table tbody tr")).to_have_count(Statement.objects.active().count())
    no_problems(page, "the workbook on paper")

    for device in phones:
        device.close()
