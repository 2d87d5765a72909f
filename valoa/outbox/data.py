"""Outgoing mail in the personal-data tools and retention: it quotes what people sent."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from valoa.outbox.models import OutboxMessage
from valoa.personal_data import PersonalDataSource, RetentionRule

SENT_MAIL_DAYS = 30


def _about(email: str):
    return OutboxMessage.objects.filter(Q(recipients__icontains=email) | Q(body__icontains=email))


def find(email: str) -> list[dict]:
    return [
        {"id": m.pk, "otsikko": m.subject, "luotu": m.created_at, "lähetetty": m.sent_at}
        for m in _about(email)
    ]


def erase(email: str) -> int:
    return _about(email).delete()[0]


def delete_old_mail(now: datetime) -> int:
    """Sent mail, and mail that failed for good (shown to editors meanwhile), after 30 days."""
    cutoff = now - timedelta(days=SENT_MAIL_DAYS)
    old = OutboxMessage.objects.filter(Q(sent_at__lt=cutoff) | Q(failed_at__lt=cutoff))
    return old.delete()[0]


SENT_MAIL = PersonalDataSource(label=str(_("Lähtevät sähköpostit")), find=find, erase=erase)
OLD_MAIL = RetentionRule(
    label=str(_("Lähetetyt ja lopullisesti epäonnistuneet sähköpostit (30 päivää)")),
    apply=delete_old_mail,
)
