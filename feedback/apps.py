from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Palaute")

    # What the site takes from this app (see valoa.apps).
    personal_data = ["feedback.personal_data.FEEDBACK"]
    retention = ["feedback.personal_data.OLD_HANDLED", "feedback.personal_data.OLD_SPAM"]
    moderation_queues = ["feedback.moderation.waiting_feedback"]
    sitemap_pages = ["feedback:form"]

    def ready(self) -> None:
        from feedback.models import Feedback
        from valoa.posting.notifications import delete_mail_about_deleted

        delete_mail_about_deleted(Feedback)
