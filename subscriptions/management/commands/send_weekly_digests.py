from django.core.management.base import BaseCommand

from subscriptions.digests import send_weekly_digests


class Command(BaseCommand):
    help = (
        "Lähettää tilaajille viikkokoosteen uusista esimerkeistä, kokeiluista ja artikkeleista "
        "heidän seuraamistaan osioista ja teemoista. Ajetaan cronista kerran viikossa; "
        "sama tilaaja saa enintään yhden koosteen viikossa."
    )

    def handle(self, *args, **options):
        done = send_weekly_digests()
        self.stdout.write(
            f"{done['stored']} koostetta {done['rendered']} erilaisena; "
            f"lähetetty {done['sent']}, lähettämättä {done['unsent']}"
        )
