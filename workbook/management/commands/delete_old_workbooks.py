"""Delete workbooks that nobody has opened or saved for WORKBOOK_RETENTION_MONTHS (18).

A workbook holds a team's answers without any account, so it is kept only while it is used:
opening any of its links or saving anything in it moves `Workbook.updated_at` forward, and this
command deletes the workbooks whose `updated_at` is older than the retention period, with
their rounds, participants and answers.

Safe to run from cron as often as you like (daily is plenty): it asks nothing, deletes only
what is past the limit, does it in one transaction, and prints what it did. For example:

    15 3 * * *  cd /srv/valoa && .venv/bin/python manage.py delete_old_workbooks

`--dry-run` tells how many would be deleted without deleting anything.
"""

import calendar
from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from workbook.models import Workbook


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the last day if it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


class Command(BaseCommand):
    help = (
        "Poistaa työkirjat, joita ei ole avattu eikä tallennettu "
        "WORKBOOK_RETENTION_MONTHS kuukauteen (oletus 18), vastauksineen. "
        "Turvallinen ajaa cronista esimerkiksi kerran päivässä; --dry-run vain kertoo määrän."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Kerro, montako työkirjaa poistettaisiin, mutta älä poista mitään.",
        )
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Säilytysaika kuukausina (oletus asetuksesta WORKBOOK_RETENTION_MONTHS).",
        )

    def handle(self, *args, dry_run=False, months=None, **options):
        months = months or settings.WORKBOOK_RETENTION_MONTHS
        cutoff = months_before(timezone.now(), months)
        old = Workbook.objects.filter(updated_at__lt=cutoff)
        when = timezone.localtime(cutoff).strftime("%d.%m.%Y %H.%M")
        if dry_run:
            count = old.count()
            self.stdout.write(
                f"Kuivaharjoitus: {count} työkirjaa poistettaisiin "
                f"(käytetty viimeksi ennen {when}, {months} kk sitten). Mitään ei poistettu."
            )
            return
        with transaction.atomic():
            _total, by_model = old.delete()
        count = by_model.get("workbook.Workbook", 0)
        if count:
            answers = by_model.get("workbook.Answer", 0)
            participants = by_model.get("workbook.Participant", 0)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Poistettiin {count} työkirjaa, joita ei ollut käytetty {months} kuukauteen "
                    f"(viimeksi ennen {when}), ja niiden {participants} vastaajaa ja "
                    f"{answers} vastausta."
                )
            )
        else:
            self.stdout.write(
                f"Ei poistettavaa: kaikkia työkirjoja on käytetty {months} kuukauden sisällä "
                f"(raja {when})."
            )
