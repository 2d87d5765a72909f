"""A team sees its theme averages beside all teams' once at least ten teams have results; all
teams' figures change only after five teams have new results, so no single team shows."""

import pytest

from tests.form_pages import parse, text
from tests.workbook.helpers import add_participant, url
from workbook.models import Benchmark, Level, Workbook

pytestmark = pytest.mark.django_db
SECTION = "Tiiminne muiden tiimien rinnalla"


def make_teams(statements, count: int, level=Level.PARTLY, people=3) -> list[Workbook]:
    teams = []
    for _ in range(count):
        team = Workbook.start(Workbook.Mode.TEAM)
        for _ in range(people):
            add_participant(team, statements, level)
        teams.append(team)
    return teams


def all_teams_column(page: str) -> list[str]:
    table = parse(page).find("h2", string=SECTION).find_next("table")
    return [text(row.find_all("td")[1]) for row in table.tbody.find_all("tr")]


def test_with_fewer_than_ten_teams_there_is_no_comparison(client, team, statements):
    for _ in range(3):
        add_participant(team, statements)
    make_teams(statements, 8)

    assert SECTION not in client.get(url("summary", team)).content.decode()
    assert Benchmark.objects.count() == 0


def test_ten_teams_with_results_show_all_teams_beside_ones_own(client, team, statements):
    for _ in range(3):
        add_participant(team, statements, Level.WELL)
    make_teams(statements, 9, Level.NOT_YET)

    page = client.get(url("summary", team)).content.decode()

    assert SECTION in page
    assert "(10 tiimiä)" in page
    assert all_teams_column(page) == ["1,2"] * 6  # (27 * 1 + 3 * 3) / 30


def test_teams_below_the_threshold_are_not_counted(client, team, statements):
    for _ in range(3):
        add_participant(team, statements)
    make_teams(statements, 8)
    make_teams(statements, 3, people=2)

    assert SECTION not in client.get(url("summary", team)).content.decode()


def test_all_teams_change_only_after_five_teams_have_new_results(
    client, team, statements, settings
):
    # A cached summary shows the figures of when it was cached (at most PAGE_CACHE_SECONDS).
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(3):
        add_participant(team, statements, Level.WELL)
    make_teams(statements, 9, Level.NOT_YET)
    before = all_teams_column(client.get(url("summary", team)).content.decode())

    make_teams(statements, 4, Level.WELL)
    between = all_teams_column(client.get(url("summary", team)).content.decode())
    make_teams(statements, 1, Level.WELL)
    after = all_teams_column(client.get(url("summary", team)).content.decode())

    assert between == before
    assert after != before
    assert Benchmark.objects.order_by("-generation").first().teams == 15


def test_a_team_without_results_of_its_own_sees_no_comparison(client, team, statements):
    make_teams(statements, 10)
    add_participant(team, statements)

    assert SECTION not in client.get(url("summary", team)).content.decode()
