from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Innostu: esimerkit ja kokeilut")

    def ready(self) -> None:
        # Register the submissions queue, personal data, a system check, search and sitemap.
        from cases import checks, moderation, personal_data, search, sitemaps  # noqa: F401
        from cases.models import Case, Submission
        from valoa.notifications import delete_mail_about_deleted
        from valoa.page_cache import changes_on_schedule, invalidate_on_change

        changes_on_schedule(Case.objects.next_scheduled)
        invalidate_on_change(Case, relations=[Case.themes.through])
        delete_mail_about_deleted(Submission)
