"""The facilitator takes the results out: CSV, a one-page printout and the look-back date as a
calendar event. Only what the pages show goes out: published counts, never notes or people."""

import csv
import io
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from tests.factories import make_article
from tests.form_pages import parse
from tests.workbook.helpers import add_participant, url
from valoa.models import Theme
from workbook.models import Experiment, Level

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_team(team, statements):
    split = statements[7]
    base = {statement.pk: Level.PARTLY for statement in statements}
    add_participant(team, statements, {**base, split.pk: Level.NOT_YET}, note="Salainen")
    add_participant(team, statements, {**base, split.pk: Level.WELL})
    add_participant(team, statements, {**base, split.pk: Level.NOT_YET})
    add_participant(team, statements, {**base, split.pk: Level.WELL})  # not yet published
    Experiment.objects.create(
        round=team.current_round(),
        focus=Theme.objects.get(slug="dialogi"),
        what="=Kävelypalaverit",
        why="Keskustelu avautuu.",
        who_does_what="Vetäjä varaa ajan.",
        deadline=date.today() + timedelta(days=30),
        success_signs="Kaikki puhuvat.",
        look_back_on=date.today() + timedelta(days=60),
    )
    return team


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_csv_has_the_published_counts_most_disagreement_first_and_the_plan(
    client, answered_team, statements
):
    response = client.get(url("csv", answered_team))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = csv_rows(response)
    assert ["Vastauksia tuloksissa", "3"] in rows
    header = rows.index(
        [
            "Väite",
            "Teema",
            "Ei vielä toteudu",
            "Toteutuu osittain",
            "Toteutuu jo hyvin",
            "Keskiarvo (1–3)",
            "Hajonta",
        ]
    )
    first = rows[header + 1]
    assert first[0] == statements[7].text
    assert first[2:6] == ["2", "0", "1", "1,7"]
    assert ["Mitä teemaa kokeilu kehittää?", "Dialogi"] in rows
    assert ["Mitä kokeilemme?", "'=Kävelypalaverit"] in rows  # never run as a formula
    assert "Salainen" not in response.content.decode()


def test_the_csv_says_when_there_are_no_results_yet(client, team, statements):
    add_participant(team, statements)

    rows = csv_rows(client.get(url("csv", team)))

    assert ["Tuloksia ei vielä näytetä, koska vastauksia on liian vähän."] in rows
    assert not any(row and row[0] == statements[0].text for row in rows)


def test_the_printout_has_results_plan_and_absolute_links(client, answered_team, statements):
    article = make_article(slug="dialogista")
    article.themes.add(Theme.objects.get(slug="dialogi"))
    plan = answered_team.current_round().experiment
    plan.focus = None
    plan.save()

    page = client.get(url("print", answered_team)).content.decode()

    assert "3 vastausta" in page
    assert page.index(statements[7].text) < page.index(statements[0].text)
    assert "=Kävelypalaverit" in page
    assert "Salainen" not in page
    sheet = parse(page).find("article", class_="print-sheet")
    links = [link["href"] for link in sheet.find_all("a", href=True)]
    assert links and all(link.startswith("http://testserver/") for link in links)
    assert "http://testserver/oivallukset/dialogista/" in links
    assert answered_team.token not in str(sheet)


def test_the_print_stylesheet_fits_the_printout_on_one_a4(settings):
    css = (settings.BASE_DIR / "static" / "css" / "workbook.css").read_text()
    print_rules = css.split("@media print", 1)[1]

    assert ".print-sheet" in print_rules
    assert ".print-links a::after" in print_rules and "attr(href)" in print_rules


def test_the_look_back_day_is_a_calendar_event(client, answered_team):
    response = client.get(url("calendar", answered_team))

    assert response["Content-Type"] == "text/calendar"
    assert response["Content-Disposition"].endswith('.ics"')
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    plan = answered_team.current_round().experiment
    assert event.decoded("dtstart") == plan.look_back_on
    assert event.decoded("dtend") == plan.look_back_on + timedelta(days=1)
    assert "Kävelypalaverit" in str(event["summary"])
    assert "Kaikki puhuvat." in str(event["description"])
    assert answered_team.token not in response.content.decode()
    again = Calendar.from_ical(client.get(url("calendar", answered_team)).content)
    assert again.walk("VEVENT")[0]["uid"] == event["uid"]  # the same event, updated


def test_without_a_look_back_day_the_calendar_link_leads_to_step_3(client, team):
    response = client.get(url("calendar", team), follow=True)

    assert response.redirect_chain[-1][0] == url("experiment", team)
    assert "Kirjoittakaa ensin päivä" in response.content.decode()


def test_the_summary_links_to_the_exports(client, answered_team):
    page = client.get(url("summary", answered_team)).content.decode()

    assert f'href="{url("print", answered_team)}?kierros=1"' in page
    assert f'href="{url("csv", answered_team)}?kierros=1"' in page
    assert f'href="{url("calendar", answered_team)}?kierros=1"' in page
