from django.core.management.base import BaseCommand

from valoa.posting.notifications import send_outbox


class Command(BaseCommand):
    help = (
        "Lähettää sähköpostit, joiden lähetys epäonnistui (esim. postipalvelin oli alhaalla). "
        "Turvallinen ajaa cronista vaikka viiden minuutin välein: jokainen viesti lähtee kerran."
    )

    def handle(self, *args, **options):
        sent, unsent = send_outbox()
        self.stdout.write(f"Lähetetty {sent}, lähettämättä edelleen {unsent}.")
