"""The site owner's view over all teams in the admin: only sums, nothing about fewer than five
teams, by quarter and by sector where known, from the teams' published results only."""

from datetime import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from tests.form_pages import parse, text
from tests.workbook.helpers import add_participant
from workbook.models import Level, Round, Workbook

pytestmark = pytest.mark.django_db
ADDRESS = "/admin/workbook/teamstatistics/"


@pytest.fixture
def owner_client(db):
    owner = Client()
    owner.force_login(User.objects.create_superuser("omistaja", "o@example.fi", "pitka-salasana"))
    return owner


def make_team(statements, people=3, level=Level.PARTLY, sector="", started=None, name="Tiimi"):
    team = Workbook.start(Workbook.Mode.TEAM, name, sector)
    if started:
        Round.objects.filter(workbook=team).update(created_at=timezone.make_aware(started))
    for _ in range(people):
        add_participant(team, statements, level)
    return team


def page(client) -> str:
    response = client.get(ADDRESS)
    assert response.status_code == 200
    return response.content.decode()


def test_fewer_than_five_teams_show_nothing(owner_client, statements):
    for _ in range(4):
        make_team(statements, started=datetime(2026, 2, 1))
    make_team(statements, people=2, started=datetime(2026, 2, 1))  # under the threshold

    shown = page(owner_client)

    assert "2026, 1. neljännes" in shown
    assert "Alle 5 tiimiä: tuloksia ei näytetä." in shown
    assert "Toteutuu osittain" not in shown.split("2026, 1. neljännes", 1)[1]


def test_five_teams_show_their_sums_by_statement_and_theme(owner_client, statements):
    for level in (Level.NOT_YET, Level.PARTLY, Level.PARTLY, Level.WELL, Level.WELL):
        make_team(statements, level=level, started=datetime(2026, 5, 1), name="Salainen tiimi")

    shown = page(owner_client)

    assert "2026, 2. neljännes" in shown
    assert "5 tiimiä, 15 vastaajaa." in shown
    assert statements[0].text in shown
    assert "3 (20 %)" in shown and "6 (40 %)" in shown
    assert "Salainen tiimi" not in shown
    for workbook in Workbook.objects.all():
        assert workbook.token not in shown


def test_each_quarter_needs_five_teams_of_its_own(owner_client, statements):
    for _ in range(5):
        make_team(statements, started=datetime(2026, 8, 1))
    for _ in range(3):
        make_team(statements, started=datetime(2026, 11, 1))

    shown = page(owner_client)

    third, fourth = shown.split("2026, 3. neljännes")[1], shown.split("2026, 4. neljännes")[1]
    assert "5 tiimiä, 15 vastaajaa." in third
    assert "Alle 5 tiimiä" in fourth.split("neljännes", 1)[0]


def test_a_sector_shows_only_when_the_rest_cannot_be_worked_out(owner_client, statements):
    started = datetime(2026, 2, 1)
    for _ in range(5):
        make_team(statements, sector="kunta", started=started)
    for _ in range(6):
        make_team(statements, sector="valtio", started=started)
    make_team(statements, started=started)  # sector unknown

    shown = page(owner_client)

    caption = parse(shown).find("caption", string=lambda caption: "Sektoreittain" in caption)
    sectors = text(caption.find_parent("table"))
    assert "Valtion virasto" in sectors
    # Shown beside the others, the municipalities would leave the one unknown team alone.
    assert "Kunta" not in sectors


def test_without_enough_teams_in_any_sector_none_is_shown(owner_client, statements):
    for sector in ("kunta", "kunta", "valtio", "", ""):
        make_team(statements, sector=sector, started=datetime(2026, 2, 1))

    shown = page(owner_client)

    assert "5 tiimiä, 15 vastaajaa." in shown
    assert "Sektoreittain ei voi näyttää tuloksia" in shown


def test_only_those_with_the_permission_see_it_and_no_round_has_a_page(
    owner_client, editor_client, statements
):
    team = make_team(statements)

    assert editor_client.get(ADDRESS).status_code == 403
    assert owner_client.get(f"{ADDRESS}{team.current_round().pk}/change/").status_code == 404
    assert "Tiimien yhteenveto" in owner_client.get("/admin/").content.decode()
