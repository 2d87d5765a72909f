"""Load the Finnish demo content and a demo editor; safe to run any number of times."""

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from valoa.permissions import EDITORS_GROUP

DEMO_EDITOR = "toimittaja"
DEMO_PASSWORD = "valoa-demo-toimittaja"


class Command(BaseCommand):
    help = "Lataa kuvitteellinen suomenkielinen esittelysisältö ja demotoimittajan tunnus."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            # The demo editor's password is public: never create it on a production site.
            raise CommandError("Esittelysisältöä ei ladata, kun DEBUG on pois päältä.")
        for module in settings.DEMO_CONTENT:
            import_string(f"{module}.load")()
        editor, created = User.objects.get_or_create(
            username=DEMO_EDITOR,
            defaults={"is_staff": True, "first_name": "Demo", "last_name": "Toimittaja"},
        )
        if created:
            editor.set_password(DEMO_PASSWORD)
            editor.save()
        editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
        self.stdout.write(
            self.style.SUCCESS(
                "\nEsittelysisältö on ladattu.\n"
                "Ylläpito: http://127.0.0.1:8000/" + settings.ADMIN_PATH + "\n"
                f"  käyttäjätunnus: {DEMO_EDITOR}\n"
                f"  salasana:       {DEMO_PASSWORD}\n"
                "(Tunnus on vain tätä paikallista esittelyä varten.)\n"
            )
        )
