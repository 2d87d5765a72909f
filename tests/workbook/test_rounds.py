"""A new round with the same team, compared statement by statement with the earlier round."""

import pytest

from tests.form_pages import parse
from tests.workbook.helpers import (
    add_participant,
    answer_as_a_new_person,
    assessment_data,
    table_row,
    url,
)
from workbook.models import Answer, Experiment, Level, Round

pytestmark = pytest.mark.django_db


def new_round(client, workbook):
    return client.post(url("new_round", workbook))


def test_a_new_round_keeps_the_team_and_its_participant_link(client, team, statements):
    for _ in range(3):
        add_participant(team, statements, Level.NOT_YET)
    participant_link = team.participant_url()

    response = new_round(client, team)

    assert response.status_code == 302
    team.refresh_from_db()
    assert team.participant_url() == participant_link
    assert list(team.rounds.values_list("number", flat=True)) == [1, 2]
    assert "Kierros 2 on aloitettu." in client.get(response["Location"]).content.decode()

    answer_as_a_new_person(team, statements, Level.WELL)
    assert Answer.objects.filter(participant__round__number=2).count() == len(statements)


def test_the_facilitator_sees_the_change_per_statement(client, team, statements):
    improved, same = statements[0], statements[1]
    for _ in range(3):
        add_participant(team, statements, Level.NOT_YET)
    new_round(client, team)
    for _ in range(3):
        add_participant(team, statements, {**{s.pk: 1 for s in statements}, improved.pk: 3})

    summary = client.get(url("summary", team)).content.decode()
    step1 = client.get(url("assessment", team)).content.decode()

    assert "Muutos kierrokseen 1 verrattuna" in summary
    assert table_row(summary, improved.text) == ["1,0", "3,0", "+2,0 (parani)"]
    assert table_row(summary, same.text) == ["1,0", "1,0", "±0"]
    assert "Muutos kierrokseen 1" in step1
    assert "+2,0" in step1


def test_a_decline_is_shown_with_a_minus_sign(client, solo, statements):
    client.post(url("assessment", solo), assessment_data(statements, Level.WELL))
    new_round(client, solo)
    client.post(url("assessment", solo), assessment_data(statements, Level.PARTLY))

    summary = client.get(url("summary", solo)).content.decode()

    assert "−1,0" in summary
    assert "(heikkeni)" in summary


def test_no_comparison_when_the_earlier_round_had_too_few_answers(client, team, statements):
    add_participant(team, statements, Level.NOT_YET)
    new_round(client, team)
    for _ in range(3):
        add_participant(team, statements, Level.WELL)

    summary = client.get(url("summary", team)).content.decode()

    assert "Kierrokseen 1 ei voi verrata, koska siihen vastasi liian harva." in summary
    assert parse(summary).find("table", class_="comparison") is None


def test_a_round_without_answers_cannot_be_followed_by_another(client, team):
    response = new_round(client, team)

    assert Round.objects.filter(workbook=team).count() == 1
    assert "Uutta kierrosta ei aloitettu" in client.get(response["Location"]).content.decode()


def test_a_new_round_starts_steps_2_and_3_afresh_and_keeps_the_earlier_summary(
    client, solo, statements
):
    client.post(url("assessment", solo), assessment_data(statements, Level.WELL))
    Experiment.objects.create(round=solo.current_round(), what="Ensimmäinen kokeilu")
    new_round(client, solo)

    experiment_page = client.get(url("experiment", solo)).content.decode()
    old_summary = client.get(url("summary", solo) + "?kierros=1").content.decode()

    assert "Kierroksen 1 kokeilu" in experiment_page  # the earlier plan, for reference
    fields = parse(experiment_page).find_all("textarea")
    assert fields and not any("Ensimmäinen kokeilu" in field.get_text() for field in fields)
    assert "Ensimmäinen kokeilu" in old_summary
    assert "Tämä on aiemman kierroksen 1 yhteenveto." in old_summary


def test_participants_of_an_earlier_round_can_look_but_not_change(client, team, statements):
    earlier = add_participant(team, statements, Level.NOT_YET)
    new_round(client, team)

    page = client.get(earlier.get_absolute_url()).content.decode()
    response = client.post(
        earlier.get_absolute_url() + "muuta/", assessment_data(statements, Level.WELL, action="")
    )

    assert "Tämä kierros on päättynyt." in page
    assert response.status_code == 302
    assert set(earlier.answers.values_list("level", flat=True)) == {Level.NOT_YET}


def test_a_new_round_is_offered_only_after_answers_and_asks_first(client, team, statements):
    overview = client.get(team.get_absolute_url()).content.decode()
    assert "Aloita kierros 2" not in overview
    assert "Uuden kierroksen voi aloittaa, kun tähän kierrokseen on vastattu." in overview

    add_participant(team, statements)
    overview = client.get(team.get_absolute_url()).content.decode()
    assert f'<a class="button button-secondary" href="{url("new_round", team)}">' in overview

    confirmation = client.get(url("new_round", team))
    assert confirmation.status_code == 200
    assert "Aloitetaanko kierros 2?" in confirmation.content.decode()
    assert "Kierros 1 päättyy" in confirmation.content.decode()
    assert Round.objects.filter(workbook=team).count() == 1

    client.post(url("new_round", team))
    assert Round.objects.filter(workbook=team).count() == 2


def test_a_new_round_closes_the_one_before(client, team, statements):
    add_participant(team, statements)

    client.post(url("new_round", team))

    first, second = Round.objects.filter(workbook=team).order_by("number")
    assert first.closed_at is not None
    assert second.closed_at is None


def test_the_change_is_computed_from_the_shown_averages(client, solo, statements):
    """2,8 → 3,0 reads +0,2, whatever the unrounded averages were."""
    from workbook.results import StatementResult

    # 2.84 shows as 2,8 and 2.96 as 3,0: unrounded the change would be +0.12, shown "+0,1".
    result = StatementResult(statements[0], counts=[0, 1, 24], previous_counts=[1, 2, 22])

    assert (result.previous_average_display, result.average_display) == ("2,8", "3,0")
    assert result.change_display == "+0,2"
    assert result.change_direction == "up"
