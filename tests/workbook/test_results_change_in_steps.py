"""A team's results are a published snapshot that changes only in steps of the threshold."""

import pytest
from django.test import Client

from tests.form_pages import parse, text
from tests.workbook.helpers import add_participant, assessment_data, table_row, url
from workbook.models import Level, Round

pytestmark = pytest.mark.django_db


def distribution(page: str) -> list[list[str]]:
    """The counts in the facilitator's distribution table, row by row."""
    table = parse(page).find("table", class_="distribution")
    return [[text(cell) for cell in row.find_all("td")] for row in table.tbody.find_all("tr")]


def test_the_snapshot_is_stored_when_the_threshold_is_reached(team, statements):
    for level in (Level.NOT_YET, Level.PARTLY):
        add_participant(team, statements, level)
    round_ = Round.objects.get(workbook=team)
    assert (round_.published_count, round_.published_counts) == (0, {})

    add_participant(team, statements, Level.WELL)

    round_.refresh_from_db()
    assert round_.published_count == 3
    assert round_.published_counts[str(statements[0].pk)] == [1, 1, 1]
    assert round_.published_at is not None


def test_results_change_only_when_three_more_have_answered(client, team, statements):
    for level in (Level.NOT_YET, Level.PARTLY, Level.WELL):
        add_participant(team, statements, level)
    first = client.get(url("assessment", team)).content.decode()

    add_participant(team, statements, Level.WELL)
    add_participant(team, statements, Level.WELL)
    between = client.get(url("assessment", team)).content.decode()
    add_participant(team, statements, Level.WELL)
    after = client.get(url("assessment", team)).content.decode()

    assert distribution(between) == distribution(first)
    assert "Tulokset: 3 vastausta." in between
    assert "Sen jälkeen on tullut 2 uutta vastausta." in between
    assert "1 uusi vastaus tarvitaan ennen kuin tulokset päivittyvät." in between
    assert distribution(after) != distribution(first)
    assert "Tulokset: 6 vastausta." in after
    assert "3 uutta vastausta tarvitaan ennen kuin tulokset päivittyvät." in after


def test_a_changed_answer_shows_only_with_the_next_step(client, team, statements):
    me = add_participant(team, statements, Level.NOT_YET)
    for _ in range(2):
        add_participant(team, statements, Level.WELL)
    shown = "Ei vielä toteudu: 1 · Toteutuu osittain: 0 · Toteutuu jo hyvin: 2"
    assert shown in client.get(url("summary", team)).content.decode()

    Client().post(me.get_absolute_url() + "muuta/", assessment_data(statements, Level.WELL))

    assert shown in client.get(url("summary", team)).content.decode()
    for _ in range(3):
        add_participant(team, statements, Level.PARTLY)
    after = client.get(url("summary", team)).content.decode()
    assert "Ei vielä toteudu: 0 · Toteutuu osittain: 3 · Toteutuu jo hyvin: 3" in after


def test_a_participant_sees_their_own_answers_and_the_last_snapshot_only(team, statements):
    me = add_participant(team, statements, Level.NOT_YET)
    for _ in range(2):
        add_participant(team, statements, Level.WELL)
    add_participant(team, statements, Level.PARTLY)

    page = Client().get(me.get_absolute_url()).content.decode()

    row = table_row(page, statements[0].text)
    assert "Ei vielä toteudu" in row  # my own answer
    assert [cell for cell in row if cell.isdigit()] == ["1", "0", "2"]
    assert "Tulokset: 3 vastausta." in page


def test_closing_the_round_publishes_only_a_full_step(client, team, statements):
    for _ in range(4):
        add_participant(team, statements)

    client.post(url("close_round", team))

    round_ = Round.objects.get(workbook=team)
    assert round_.closed_at is not None
    assert round_.published_count == 3  # one more is not a step
    page = client.get(url("assessment", team)).content.decode()
    assert "Vastaaminen tähän kierrokseen on päättynyt." in page
    assert "tarvitaan ennen kuin tulokset päivittyvät" not in page


def test_closing_asks_first_and_then_takes_no_more_answers(client, team, statements):
    from tests.workbook.helpers import participate_data

    confirmation = client.get(url("close_round", team)).content.decode()
    assert "Päätetäänkö vastaaminen kierrokseen 1?" in confirmation
    assert Round.objects.get(workbook=team).closed_at is None

    client.post(url("close_round", team))
    late = Client().post(team.participant_url(), participate_data(statements))

    assert late.status_code == 200
    assert "Vastaaminen on päättynyt" in late.content.decode()
    assert "Juuri lähettämiäsi vastauksia ei siksi tallennettu." in late.content.decode()
    assert not team.current_round().participants.exists()
