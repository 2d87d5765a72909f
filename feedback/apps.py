from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Palaute")

    def ready(self) -> None:
        # Register the queue and personal data.
        from feedback import moderation, personal_data  # noqa: F401
        from feedback.models import Feedback
        from valoa.posting.notifications import delete_mail_about_deleted

        delete_mail_about_deleted(Feedback)
