from django.core.management.base import BaseCommand

from subscriptions.comments import send_waiting_replies


class Command(BaseCommand):
    help = (
        "Lähettää kommentoijille koosteen vastauksista, jotka tulivat tunnin sisällä edellisestä "
        "ilmoituksesta. Turvallinen ajaa cronista esimerkiksi 10 minuutin välein."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{send_waiting_replies()} vastauskoostetta lähetetty")
