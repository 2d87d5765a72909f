"""A team's results show only once enough have answered everything (WORKBOOK_TEAM_THRESHOLD)."""

import pytest

from tests.workbook.helpers import add_participant, table_row, url
from workbook.models import Level, Participant

pytestmark = pytest.mark.django_db

DISTRIBUTION_CAPTION = "Vastausten jakauma väitteittäin"


def test_the_threshold_is_three_by_default(settings):
    assert settings.WORKBOOK_TEAM_THRESHOLD == 3


def test_below_the_threshold_the_facilitator_sees_only_how_many_have_answered(
    client, team, statements
):
    add_participant(team, statements, Level.NOT_YET)
    add_participant(team, statements, Level.WELL)

    for name in ("assessment", "reflection", "experiment", "summary"):
        page = client.get(url(name, team)).content.decode()
        assert "2 vastausta." in page, name
        assert "Vielä tarvitaan 1 vastaus." in page, name
        assert DISTRIBUTION_CAPTION not in page, name
        assert "Teemojen keskiarvot" not in page, name
        assert "Toteutuu jo hyvin: 1" not in page, name


def test_at_the_threshold_the_facilitator_sees_the_results(client, team, statements):
    for level in (Level.NOT_YET, Level.WELL, Level.WELL):
        add_participant(team, statements, level)

    page = client.get(url("assessment", team)).content.decode()
    summary = client.get(url("summary", team)).content.decode()

    assert DISTRIBUTION_CAPTION in page
    assert "Tulokset: 3 vastausta." in page
    assert "Teemojen keskiarvot" in summary
    assert "Toteutuu jo hyvin: 2" in summary


def test_only_those_who_answered_every_statement_count(client, team, statements):
    add_participant(team, statements, Level.NOT_YET)
    add_participant(team, statements, Level.WELL)
    half_done = Participant.objects.create(round=team.current_round())
    half_done.replace_answers({statement.pk: (Level.WELL, "") for statement in statements[:-1]})

    page = client.get(url("assessment", team)).content.decode()

    assert "2 vastausta." in page
    assert DISTRIBUTION_CAPTION not in page
    half_done.replace_answers({statements[-1].pk: (Level.WELL, "")})
    page = client.get(url("assessment", team)).content.decode()
    assert "Tulokset: 3 vastausta." in page


def test_a_participant_sees_the_team_only_once_the_threshold_is_met(client, team, statements):
    me = add_participant(team, statements, Level.NOT_YET)
    add_participant(team, statements, Level.WELL)

    before = client.get(me.get_absolute_url()).content.decode()
    add_participant(team, statements, Level.WELL)
    after = client.get(me.get_absolute_url()).content.decode()

    assert "Vielä tarvitaan 1 vastaus." in before
    assert "Tiimi: toteutuu jo hyvin" not in before
    assert "Ei vielä toteudu" in before  # their own answer is always theirs to see
    assert "Tiimi: toteutuu jo hyvin" in after
    row = table_row(after, statements[0].text)
    assert "Ei vielä toteudu" in row
    assert [cell for cell in row if cell.isdigit()] == ["1", "0", "2"]


def test_the_threshold_follows_the_setting(client, team, statements, settings):
    settings.WORKBOOK_TEAM_THRESHOLD = 5
    for _ in range(4):
        add_participant(team, statements)

    assert DISTRIBUTION_CAPTION not in client.get(url("assessment", team)).content.decode()
    add_participant(team, statements)
    assert DISTRIBUTION_CAPTION in client.get(url("assessment", team)).content.decode()
