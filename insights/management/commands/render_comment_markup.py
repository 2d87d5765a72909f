from django.core.management.base import BaseCommand

from insights.models import Comment, store_comment_markup
from valoa.web import page_cache


class Command(BaseCommand):
    help = (
        "Muodostaa hyväksyttyjen kommenttien tallennetun esitysmuodon uudelleen. Aja, kun "
        "kommentin mallipohja, sen käännökset tai päiväysten muoto ovat muuttuneet."
    )

    def handle(self, *args, **options):
        count = store_comment_markup(Comment.objects.approved())
        page_cache.invalidate()  # the pages showed the markup as it was
        self.stdout.write(f"Kommentteja muodostettu uudelleen: {count}")
