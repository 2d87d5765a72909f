"""Re-index every article, comment and case for the search (after an upgrade of the Finnish
dictionary, a bulk import, or to drop words that are no longer in the content)."""

import json

from django.core.management.base import BaseCommand

from valoa.search.index import rebuild
from valoa.web import page_cache


class Command(BaseCommand):
    help = (
        "Rakentaa haun hakemiston uudelleen: kaikki artikkelit, kommentit ja esimerkit. "
        "Turvallinen ajaa milloin tahansa."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="tulokset JSON-muodossa")

    def handle(self, *args, **options):
        done = rebuild()
        page_cache.invalidate()  # cached search pages must find what is indexed now
        if options["json"]:
            self.stdout.write(json.dumps(done))
            return
        rows = ", ".join(f"{label} {count}" for label, count in done.items() if "." in label)
        self.stdout.write(
            f"Hakemisto rakennettu {done['seconds']} sekunnissa: {rows}; "
            f"ehdotettavia sanoja {done['words']}."
        )
