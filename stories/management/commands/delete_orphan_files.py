from django.core.management.base import BaseCommand
from django.utils import timezone

from stories.personal_data import delete_orphan_files


class Command(BaseCommand):
    help = (
        "Poistaa kertomusten liitteet ja esimerkkien kuvat, joihin mikään tallennettu tieto ei "
        "viittaa (yli tunnin vanhat). Ajetaan myös apply_retention-komennon osana."
    )

    def handle(self, *args, **options):
        count = delete_orphan_files(timezone.now())
        self.stdout.write(f"Poistettu {count} tiedostoa, joihin mikään ei viitannut.")
