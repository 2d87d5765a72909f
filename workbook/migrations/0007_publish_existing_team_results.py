"""Bring earlier answers under the team rules: participants who answered every statement count
as complete, rounds followed by another are closed, and each team round with enough complete
answers gets its published snapshot (what its pages showed before, counted the new way)."""

from django.conf import settings
from django.db import migrations
from django.db.models import Count, F


def forwards(apps, schema_editor):
    Answer = apps.get_model("workbook", "Answer")
    Participant = apps.get_model("workbook", "Participant")
    Round = apps.get_model("workbook", "Round")
    Statement = apps.get_model("workbook", "Statement")

    active = Statement.objects.filter(is_active=True)
    complete = (
        Answer.objects.filter(statement__in=active)
        .values("participant")
        .annotate(answered=Count("statement", distinct=True))
        .filter(answered=active.count())
        .values("participant")
    )
    Participant.objects.filter(pk__in=complete).update(completed_at=F("created_at"))

    later: dict[int, object] = {}
    for round_ in Round.objects.order_by("workbook", "-number"):
        if round_.workbook_id in later:
            round_.closed_at = later[round_.workbook_id]
            round_.save(update_fields=["closed_at"])
        later[round_.workbook_id] = round_.created_at

    for round_ in Round.objects.filter(workbook__mode="team"):
        complete = Participant.objects.filter(round=round_, completed_at__isnull=False)
        count = complete.count()
        if count < settings.WORKBOOK_TEAM_THRESHOLD:
            continue
        counts: dict[str, list[int]] = {}
        for statement, level, number in (
            Answer.objects.filter(participant__in=complete)
            .values_list("statement", "level")
            .annotate(number=Count("pk"))
            .order_by()
        ):
            counts.setdefault(str(statement), [0, 0, 0])[level - 1] = number
        round_.published_counts, round_.published_count = counts, count
        round_.published_at = round_.created_at
        round_.save(update_fields=["published_counts", "published_count", "published_at"])


class Migration(migrations.Migration):
    dependencies = [("workbook", "0006_team_rounds_snapshots_and_sector")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
