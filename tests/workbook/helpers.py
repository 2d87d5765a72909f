"""Helpers for the workbook tests: addresses, form data, and quick answers."""

from django.urls import reverse

from workbook.models import Answer, Level, Participant, Workbook


def url(name: str, workbook: Workbook) -> str:
    return reverse(f"workbook:{name}", kwargs={"token": workbook.token})


def assessment_data(statements, levels=Level.PARTLY, notes=None, action="jatka") -> dict:
    """What a browser sends from step 1: `levels` is one level for all or {statement: level}."""
    data = {"toiminto": action} if action else {}
    for statement in statements:
        level = levels.get(statement.pk) if isinstance(levels, dict) else levels
        if level is not None:
            data[f"vaite_{statement.pk}"] = str(int(level))
        data[f"muistiinpano_{statement.pk}"] = (notes or {}).get(statement.pk, "")
    return data


def add_participant(workbook: Workbook, statements, levels=Level.PARTLY, note="") -> Participant:
    """A team member's answers, stored directly (fast, for counting tests)."""
    participant = Participant.objects.create(round=workbook.current_round())
    Answer.objects.bulk_create(
        Answer(
            participant=participant,
            statement=statement,
            level=levels.get(statement.pk) if isinstance(levels, dict) else levels,
            note=note,
        )
        for statement in statements
    )
    return participant
