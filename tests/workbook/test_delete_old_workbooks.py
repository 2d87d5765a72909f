"""`manage.py delete_old_workbooks` deletes workbooks unused for 18 months, safely and audibly."""

from datetime import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.workbook.helpers import add_participant
from workbook.management.commands.delete_old_workbooks import Command, months_before
from workbook.models import Answer, Participant, Workbook

pytestmark = pytest.mark.django_db


def age(workbook: Workbook, **delta) -> None:
    Workbook.objects.filter(pk=workbook.pk).update(
        updated_at=timezone.now() - timezone.timedelta(**delta)
    )


def run(*args) -> str:
    out = StringIO()
    call_command("delete_old_workbooks", *args, stdout=out)
    return out.getvalue()


def test_workbooks_untouched_for_18_months_are_deleted_with_their_answers(team, solo, statements):
    add_participant(team, statements)
    recent = Workbook.start(Workbook.Mode.SOLO)
    age(team, days=18 * 31)
    age(solo, days=18 * 31)
    age(recent, days=17 * 30)

    output = run()

    assert list(Workbook.objects.all()) == [recent]
    assert Participant.objects.filter(round__workbook__in=[team.pk, solo.pk]).count() == 0
    assert Answer.objects.count() == 0
    assert "Poistettiin 2 työkirjaa" in output
    assert "18 kuukauteen" in output


def test_running_again_finds_nothing_and_says_so(solo):
    age(solo, days=600)
    run()

    output = run()

    assert "Ei poistettavaa" in output


def test_a_dry_run_deletes_nothing(solo):
    age(solo, days=600)

    output = run("--dry-run")

    assert Workbook.objects.count() == 1
    assert "1 työkirjaa poistettaisiin" in output
    assert "Mitään ei poistettu." in output


def test_the_retention_period_follows_the_setting(solo, settings):
    settings.WORKBOOK_RETENTION_MONTHS = 6
    age(solo, days=200)

    run()

    assert Workbook.objects.count() == 0


def test_a_workbook_opened_just_in_time_is_kept(client, solo):
    age(solo, days=600)
    client.get(solo.get_absolute_url())

    run()

    assert Workbook.objects.filter(pk=solo.pk).exists()


def test_the_command_documents_itself():
    from workbook.management.commands import delete_old_workbooks

    assert "18" in Command.help
    assert "cron" in Command.help
    assert "cron" in delete_old_workbooks.__doc__


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 8, 31, 12), 18, datetime(2025, 2, 28, 12)),
        (datetime(2026, 1, 15), 1, datetime(2025, 12, 15)),
        (datetime(2024, 3, 31), 1, datetime(2024, 2, 29)),
    ],
)
def test_months_are_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected
