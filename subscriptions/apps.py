from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Tilaukset")

    # What the site takes from this app (see valoa.apps).
    personal_data = ["subscriptions.personal_data.SUBSCRIPTIONS"]
    retention = ["subscriptions.personal_data.UNCONFIRMED"]
    editor_recipients = ["subscriptions.editors.per_item_recipients"]

    def ready(self) -> None:
        from subscriptions import comments  # noqa: F401 (connects the comment signals)
        from subscriptions.models import Subscription
        from valoa.posting.notifications import delete_mail_about_deleted

        delete_mail_about_deleted(Subscription)
