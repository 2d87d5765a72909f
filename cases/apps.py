from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Innostu: esimerkit ja kokeilut")

    # What the site takes from this app (see valoa.apps).
    search_sources = ["cases.search.CaseSource"]
    personal_data = ["cases.personal_data.SUBMISSIONS"]
    retention = [
        "cases.personal_data.OLD_DECLINED",
        "cases.personal_data.OLD_SPAM",
        "cases.personal_data.ORPHAN_FILES",
    ]
    moderation_queues = ["cases.moderation.waiting_submissions"]
    sitemaps = ["cases.sitemaps.CaseSitemap"]
    sitemap_pages = ["cases:submit"]

    def ready(self) -> None:
        from cases import checks  # noqa: F401  (registers the check)
        from cases.models import Submission
        from valoa.notifications import delete_mail_about_deleted

        delete_mail_about_deleted(Submission)
