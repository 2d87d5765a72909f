"""Email that must never cost a reader's text: sent after commit, failures logged."""

import logging
from collections.abc import Callable

from django.core.mail import send_mail
from django.db import transaction

logger = logging.getLogger(__name__)


def send_after_commit(
    subject: str,
    body: str,
    recipients: list[str],
    what: str,
    on_sent: Callable[[], None] | None = None,
) -> None:
    """Queue an email for when the current transaction commits.

    `what` names the message in logs without personal data (e.g. "comment 12 notification").
    """

    def send() -> None:
        if not recipients:
            logger.warning("No recipients for %s", what)
            return
        try:
            send_mail(subject, body, None, recipients)
        except Exception:
            logger.exception("Sending %s failed; it stays unsent", what)
            return
        if on_sent is not None:
            on_sent()

    transaction.on_commit(send)
