"""Subscriptions in the site's personal-data tools and retention."""

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from subscriptions.models import Subscription
from valoa.personal_data import PersonalDataSource, RetentionRule
from valoa.posting.notifications import messages_about

UNCONFIRMED_DAYS = 7


def find(email: str) -> list[dict]:
    subscriptions = Subscription.objects.filter(email__iexact=email).prefetch_related("themes")
    return [
        {
            "id": subscription.pk,
            "laji": subscription.kind,
            "sähköposti": subscription.email,
            "kieli": subscription.language,
            "kommentti": subscription.comment_id,
            "osiot": subscription.sections,
            "teemat": [theme.slug for theme in subscription.themes.all()],
            "tilattu": subscription.created_at,
            "vahvistettu": subscription.confirmed_at,
        }
        for subscription in subscriptions
    ]


def erase(email: str) -> int:
    """Delete: a subscription is nothing but the consent; the mail sent under it goes too."""
    subscriptions = Subscription.objects.filter(email__iexact=email)
    messages_about(subscriptions).delete()
    return subscriptions.delete()[1].get(Subscription._meta.label, 0)


def delete_unconfirmed(now: datetime) -> int:
    old = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS)
    )
    return old.delete()[1].get(Subscription._meta.label, 0)


SUBSCRIPTIONS = PersonalDataSource(label=str(_("Sähköpostitilaukset")), find=find, erase=erase)
UNCONFIRMED = RetentionRule(
    label=str(_("Vahvistamattomat sähköpostitilaukset (7 päivää)")), apply=delete_unconfirmed
)
