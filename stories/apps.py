from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Kertomukset")

    # What the site takes from this app (see valoa.apps).
    personal_data = ["stories.personal_data.SUBMISSIONS"]
    retention = [
        "stories.personal_data.OLD_DECLINED",
        "stories.personal_data.OLD_SPAM",
        "stories.personal_data.ORPHAN_FILES",
    ]
    moderation_queues = ["stories.moderation.waiting_submissions"]
    sitemap_pages = ["stories:submit"]

    def ready(self) -> None:
        from stories import checks  # noqa: F401  (registers the check)
        from stories.models import Submission
        from valoa.posting.notifications import delete_mail_about_deleted

        delete_mail_about_deleted(Submission)
