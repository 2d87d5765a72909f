from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Tilaukset")

    def ready(self) -> None:
        # Register personal data and retention, the editors' recipients and the comment signals.
        from subscriptions import comments, editors, personal_data  # noqa: F401
        from subscriptions.models import Subscription
        from valoa.notifications import delete_mail_about_deleted

        delete_mail_about_deleted(Subscription)
