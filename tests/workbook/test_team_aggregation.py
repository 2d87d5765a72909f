"""A team's answers are counted per statement and level; disagreement comes first."""

import pytest

from tests.workbook.helpers import add_participant, answer_as_a_new_person, table_row, url
from workbook.models import Level, Participant
from workbook.results import round_results

pytestmark = pytest.mark.django_db


def test_each_participant_answers_on_their_own_link_and_is_counted_once(team, statements):
    for level in (Level.NOT_YET, Level.PARTLY, Level.WELL):
        response = answer_as_a_new_person(team, statements, level)
        assert response.status_code == 302
        assert response["Location"].startswith("/tyokirja/vastaukseni/")

    assert Participant.objects.filter(round__workbook=team).count() == 3
    results = round_results(team.current_round(), is_team=True)
    assert results.participant_count == 3
    assert all(item.counts == [1, 1, 1] for item in results.statements)


def test_counts_per_level_are_right_for_each_statement(team, statements, settings):
    settings.WORKBOOK_TEAM_THRESHOLD = 1  # results of every answer: count, not anonymity
    first, second = statements[0], statements[1]
    add_participant(team, statements, {**{s.pk: 2 for s in statements}, first.pk: 1, second.pk: 3})
    add_participant(team, statements, {**{s.pk: 2 for s in statements}, first.pk: 1, second.pk: 3})
    add_participant(team, statements, {**{s.pk: 2 for s in statements}, first.pk: 3, second.pk: 3})
    add_participant(team, statements, {**{s.pk: 2 for s in statements}, first.pk: 2, second.pk: 3})

    results = {
        item.statement.pk: item for item in round_results(team.current_round(), True).statements
    }

    assert results[first.pk].counts == [2, 1, 1]
    assert results[second.pk].counts == [0, 0, 4]
    assert results[statements[5].pk].counts == [0, 4, 0]
    assert results[first.pk].average_display == "1,8"
    assert results[second.pk].average_display == "3,0"


def test_the_facilitator_sees_the_distribution_with_most_disagreement_first(
    client, team, statements
):
    calm, split = statements[0], statements[7]
    base = {statement.pk: Level.PARTLY for statement in statements}
    add_participant(team, statements, {**base, split.pk: Level.NOT_YET})
    add_participant(team, statements, {**base, split.pk: Level.WELL})
    add_participant(team, statements, {**base, split.pk: Level.NOT_YET})

    page = client.get(url("assessment", team)).content.decode()

    assert "Tulokset: 3 vastausta." in page
    assert page.index(split.text) < page.index(calm.text)
    assert table_row(page, split.text)[:3] == ["2", "0", "1"]
    assert table_row(page, calm.text)[:3] == ["0", "3", "0"]


def test_answers_of_another_team_or_round_are_not_counted(team, statements, settings):
    from workbook.models import Workbook

    settings.WORKBOOK_TEAM_THRESHOLD = 1
    other = Workbook.start(Workbook.Mode.TEAM)
    for _ in range(3):
        add_participant(other, statements, Level.WELL)
    add_participant(team, statements, Level.NOT_YET)

    results = round_results(team.current_round(), is_team=True)

    assert results.participant_count == 1
    assert all(item.counts == [1, 0, 0] for item in results.statements)
