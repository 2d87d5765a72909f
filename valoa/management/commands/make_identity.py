"""Write the wordmark, favicon and default share image into static/img/ (valoa.identity)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from valoa import identity


def files() -> dict[str, bytes]:
    return {
        "wordmark.svg": identity.wordmark_svg().encode(),
        "favicon.svg": identity.favicon_svg().encode(),
        "share.png": identity.share_image(),
    }


class Command(BaseCommand):
    help = "Piirrä sivuston sanamerkki, suosikkikuvake ja oletusjakokuva static/img/-kansioon."

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "static" / "img"
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files().items():
            (folder / name).write_bytes(content)
            self.stdout.write(f"static/img/{name}")
