from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Kertomukset")

    def ready(self) -> None:
        # Register the submissions queue, personal data, a system check and the sitemap.
        from stories import checks, moderation, personal_data, sitemaps  # noqa: F401
        from stories.models import Submission
        from valoa.posting.notifications import delete_mail_about_deleted

        delete_mail_about_deleted(Submission)
