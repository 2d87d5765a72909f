"""Answers given before the team rules keep their meaning: complete participants count, earlier
rounds are closed, and a team round with enough answers keeps showing its results."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from workbook.models import Participant, Round

BEFORE = [("workbook", "0005_prompt_translations")]
AFTER = [("workbook", "0007_publish_existing_team_results")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_earlier_team_answers_are_published_and_earlier_rounds_closed():
    apps = migrate(BEFORE)
    Workbook = apps.get_model("workbook", "Workbook")
    Round_ = apps.get_model("workbook", "Round")
    Participant_ = apps.get_model("workbook", "Participant")
    Answer = apps.get_model("workbook", "Answer")
    statements = list(apps.get_model("workbook", "Statement").objects.filter(is_active=True))
    team = Workbook.objects.create(token="t" * 43, participant_token="p" * 43, mode="team")
    first = Round_.objects.create(workbook=team, number=1)
    second = Round_.objects.create(workbook=team, number=2)
    for number, level in enumerate([1, 3, 3]):
        person = Participant_.objects.create(round=second, token=f"{number}" * 43)
        for statement in statements:
            Answer.objects.create(participant=person, statement=statement, level=level)
    half = Participant_.objects.create(round=second, token="h" * 43)
    Answer.objects.create(participant=half, statement=statements[0], level=2)

    migrate(AFTER)

    first, second = Round.objects.get(pk=first.pk), Round.objects.get(pk=second.pk)
    assert first.closed_at is not None and second.closed_at is None
    assert second.published_count == 3
    assert second.published_counts[str(statements[0].pk)] == [1, 0, 2]
    assert Participant.objects.get(token="h" * 43).completed_at is None
    assert Participant.objects.filter(completed_at__isnull=False).count() == 3
