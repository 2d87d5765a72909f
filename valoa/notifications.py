"""Email that never costs a reader's text: stored in the same transaction, sent after commit.

Each message is an `OutboxMessage` row written together with the comment or submission it is
about. After the transaction commits the site tries to send it; if the mail server is down
the row stays unsent and `manage.py send_outbox` retries it later, once per message.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from valoa.models import OutboxMessage

logger = logging.getLogger(__name__)


def send_after_commit(subject: str, body: str, recipients: list[str], what: str) -> None:
    """Store an email and send it once the current transaction commits.

    `what` names the message in logs without personal data (e.g. "comment 12 notification").
    """
    if not recipients:
        logger.warning("No recipients for %s", what)
        return
    message = OutboxMessage.objects.create(
        purpose=what, subject=subject, body=body, recipients=list(recipients)
    )
    transaction.on_commit(lambda: deliver(message.pk))


def deliver(message_id: int) -> bool:
    """Send one stored message unless it is already sent or being sent; True when sent."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, sent_at__isnull=True)
            .first()
        )
        if message is None:
            return False
        message.attempts += 1
        try:
            send_mail(message.subject, message.body, None, message.recipients)
        except Exception as error:
            logger.exception("Sending %s failed; it stays in the outbox", message.purpose)
            message.last_error = f"{type(error).__name__}: {error}"[:300]
            message.save(update_fields=["attempts", "last_error"])
            return False
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def send_outbox() -> tuple[int, int]:
    """Retry every unsent message; returns (sent, still unsent)."""
    sent = failed = 0
    for message_id in OutboxMessage.objects.filter(sent_at__isnull=True).values_list(
        "pk", flat=True
    ):
        if deliver(message_id):
            sent += 1
        else:
            failed += 1
    return sent, failed
