"""Readers' feedback in the site's personal-data tools and retention."""

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from feedback.models import Feedback
from valoa.personal_data import (
    PersonalDataSource,
    RetentionRule,
)

SPAM_DAYS = 30
HANDLED_DAYS = 365


def _feedback(email: str):
    return Feedback.objects.filter(email__iexact=email.strip())


def find(email: str) -> list[dict]:
    return [
        {
            "id": feedback.pk,
            "nimi": feedback.name,
            "sähköposti": feedback.email,
            "viesti": feedback.message,
            "tila": feedback.get_status_display(),
            "lähetetty": feedback.created_at,
        }
        for feedback in _feedback(email)
    ]


def erase(email: str) -> int:
    messages = _feedback(email)
    count = messages.count()
    messages.delete()
    return count


def _delete(queryset) -> int:
    count = queryset.count()
    queryset.delete()
    return count


def delete_old_handled(now: datetime) -> int:
    """Handled feedback is kept a year after the last change, then deleted."""
    cutoff = now - timedelta(days=HANDLED_DAYS)
    return _delete(Feedback.objects.filter(status=Feedback.Status.HANDLED, updated_at__lt=cutoff))


def delete_old_spam(now: datetime) -> int:
    cutoff = now - timedelta(days=SPAM_DAYS)
    return _delete(Feedback.objects.filter(status=Feedback.Status.SPAM, created_at__lt=cutoff))


FEEDBACK = PersonalDataSource(label=str(_("Palautteet")), find=find, erase=erase)
OLD_HANDLED = RetentionRule(
    label=str(_("Käsitellyt palautteet (12 kuukautta)")), apply=delete_old_handled
)
OLD_SPAM = RetentionRule(
    label=str(_("Roskapostiksi tunnistetut palautteet (30 päivää)")), apply=delete_old_spam
)
