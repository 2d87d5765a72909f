"""With the cache down, every workbook write still answers as it should and stores once."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.workbook.helpers import add_participant, assessment_data, participate_data, url
from workbook.models import (
    Answer,
    Experiment,
    Level,
    ReflectionAnswer,
    ReflectionQuestion,
    Round,
    Workbook,
)

pytestmark = pytest.mark.django_db


def test_starting_a_workbook(client, cache_down):
    response = client.post(reverse("workbook:start"), {"mode": "team", "name": "Tiimi"})

    assert response.status_code == 302
    assert Workbook.objects.count() == 1


def test_saving_the_steps(client, solo, statements, cache_down):
    question = ReflectionQuestion.objects.active().first()

    step1 = client.post(url("assessment", solo), assessment_data(statements, Level.WELL))
    step2 = client.post(url("reflection", solo), {f"kysymys_{question.pk}": "Kuuntelemme."})
    step3 = client.post(url("experiment", solo), {"what": "Kävelypalaveri"})

    assert [step1.status_code, step2.status_code, step3.status_code] == [302, 302, 302]
    assert Answer.objects.count() == len(statements)
    assert ReflectionAnswer.objects.count() == 1
    assert Experiment.objects.get().what == "Kävelypalaveri"


def test_changing_a_participants_answers(team, statements, cache_down):
    me = Client()
    me.post(team.participant_url(), participate_data(statements, Level.NOT_YET))
    participant = team.current_round().participants.get()

    response = me.post(
        participant.get_absolute_url() + "muuta/", assessment_data(statements, Level.WELL)
    )

    assert response.status_code == 302
    assert set(participant.answers.values_list("level", flat=True)) == {Level.WELL}


def test_closing_a_round_and_starting_the_next(client, team, statements, cache_down):
    for _ in range(3):
        add_participant(team, statements)

    closed = client.post(url("close_round", team))
    started = client.post(url("new_round", team))

    assert closed.status_code == started.status_code == 302
    assert list(Round.objects.values_list("number", flat=True)) == [1, 2]
