from django.core.management.base import BaseCommand

from subscriptions.editors import send_daily_digests


class Command(BaseCommand):
    help = (
        "Lähettää päivittäisen koosteen odottavista kommenteista, oivalluksista, kertomuksista ja "
        "palautteista toimittajille, jotka ovat valinneet sen. Ajetaan cronista kerran päivässä."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{send_daily_digests()} koostetta lähetetty")
