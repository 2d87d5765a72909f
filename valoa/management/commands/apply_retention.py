from django.core.management.base import BaseCommand
from django.utils import timezone

from valoa.personal_data import apply_retention


class Command(BaseCommand):
    help = (
        "Poistaa tiedot, joiden säilytysaika on päättynyt: roskapostiksi merkityt ja hylätyt "
        "kommentit 30 päivän, hylätyt kertomukset 12 kuukauden ja lähetetyt sähköpostit 30 "
        "päivän jälkeen. Turvallinen ajaa cronista kerran vuorokaudessa."
    )

    def handle(self, *args, **options):
        for label, count in apply_retention(timezone.now()).items():
            self.stdout.write(f"{label}: poistettu {count}")
