"""The database fails in the middle of a team member's answer or a round's closing: a readable
503, nothing half stored, and the retry stores the answer once."""

import pytest
from django.db import OperationalError
from django.test import Client

from tests.workbook.helpers import add_participant, assessment_data, participate_data, url
from workbook.models import Answer, Level, Participant, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def answers_fail_once(monkeypatch):
    """Call it, and the next bulk insert of answers finds the database gone."""

    def start():
        manager = type(Answer.objects)
        original = manager.bulk_create
        calls = []

        def fail_first(self, *args, **kwargs):
            calls.append(1)
            if len(calls) == 1:
                raise OperationalError("server closed the connection unexpectedly")
            return original(self, *args, **kwargs)

        monkeypatch.setattr(manager, "bulk_create", fail_first)

    return start


def test_a_new_participants_answer_is_stored_once_after_an_outage(
    team, statements, answers_fail_once
):
    me = Client()
    data = participate_data(statements, Level.WELL)
    answers_fail_once()

    failed = me.post(team.participant_url(), data)

    assert failed.status_code == 503
    assert "Palvelu on hetken poissa käytöstä" in failed.content.decode()
    assert Participant.objects.count() == 0
    assert me.post(team.participant_url(), data).status_code == 302
    assert Participant.objects.count() == 1
    assert Answer.objects.count() == len(statements)


def test_changed_answers_are_kept_whole_through_an_outage(team, statements, answers_fail_once):
    me = add_participant(team, statements, Level.NOT_YET)
    answers_fail_once()

    failed = Client().post(me.get_absolute_url() + "muuta/", assessment_data(statements, 3))

    assert failed.status_code == 503
    assert set(me.answers.values_list("level", flat=True)) == {Level.NOT_YET}


def test_closing_a_round_during_an_outage_changes_nothing(client, team, statements, monkeypatch):
    for _ in range(3):
        add_participant(team, statements)

    def gone(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(Round, "publish_if_due", gone)
    response = client.post(url("close_round", team))

    assert response.status_code == 503
    assert Round.objects.get(workbook=team).closed_at is None
