"""Email that never costs a reader's text: stored in the same transaction, sent after commit.

Each message is an `OutboxMessage` row written together with the comment or submission it is
about (`about`, e.g. "insights.comment:12", so that erasing a person's data finds the mail
about them too). After the transaction commits the site tries to send it; if the mail server
is down the row stays unsent and `manage.py send_outbox` retries it later, once per message,
waiting longer after every failure (20 minutes, then twice as long each time). After
MAX_ATTEMPTS failures (about two days) the message is marked failed: editors see it in the
admin (a filter, and a count on the admin index) and can send it again from there.

Subjects are made safe here, in one place: a name or a title with a line break or another
control character would make the mail impossible to build. Log lines name a message by its
`purpose` ("comment 12 notification") and an error by its type, never by what it says.
"""

import contextlib
import logging
import re
from datetime import datetime, timedelta
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.utils import timezone

from valoa.apps import contributed
from valoa.models import OutboxMessage

logger = logging.getLogger(__name__)
SUBJECT_MAX_LENGTH = 150
MAX_ATTEMPTS = 8
FIRST_RETRY_AFTER = timedelta(minutes=20)  # then 40 min, 80 min, …: 8 attempts in ~42 hours
# Control characters (CR, LF, NUL, tab, …), and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def safe_line(text: str, limit: int) -> str:
    """Text fit for a mail header or a one-line mention: control characters folded to
    spaces, runs of white space made one, at most `limit` characters."""
    line = " ".join(_CONTROL.sub(" ", str(text)).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def about_key(instance: models.Model) -> str:
    """What a message is about, as stored in the outbox: "insights.comment:12"."""
    return f"{instance._meta.label_lower}:{instance.pk}"


def messages_about(rows: models.QuerySet) -> models.QuerySet:
    """The outbox messages about these rows (e.g. a person's comments, when erasing)."""
    label = rows.model._meta.label_lower
    return OutboxMessage.objects.filter(
        about__in=[f"{label}:{pk}" for pk in rows.values_list("pk", flat=True)]
    )


def _delete_mail_about(sender, instance, **kwargs) -> None:
    OutboxMessage.objects.filter(about=about_key(instance)).delete()


def delete_mail_about_deleted(*models_) -> None:
    """When a row of these models is deleted (erasure, retention, an editor), the mail about
    it goes too, sent or not: it quotes what the person wrote."""
    for model in models_:
        post_delete.connect(
            _delete_mail_about, sender=model, dispatch_uid=f"outbox-{model._meta.label_lower}"
        )


def editor_addresses() -> list[str]:
    """Who hears about each new item waiting for editors: MODERATOR_EMAILS, as the apps'
    `editor_recipients` adjust it (each editor may choose a daily digest instead)."""
    addresses = list(settings.MODERATOR_EMAILS)
    for adjust in contributed("editor_recipients"):
        addresses = adjust(addresses)
    return addresses


def send_after_commit(
    subject: str,
    body: str,
    recipients: list[str],
    what: str,
    about: models.Model | None = None,
    html: str = "",
    headers: dict[str, str] | None = None,
) -> OutboxMessage | None:
    """Store an email and send it once the current transaction commits; None when there is
    nobody to send it to.

    `what` names the message in logs without personal data (e.g. "comment 12 notification");
    `about` is the row it is about; `html` an HTML part beside the plain text `body`.
    """
    if not recipients:
        logger.warning("No recipients for %s", what)
        return None
    message = new_message(subject, body, recipients, what, about, html, headers)
    message.save()
    # Robust: the text is committed; a database that fails now must not turn that into an error
    # page (the message stays unsent and send_outbox sends it).
    transaction.on_commit(lambda: deliver(message.pk), robust=True)
    return message


def new_message(
    subject: str,
    body: str,
    recipients: list[str],
    what: str,
    about: models.Model | str | None = None,
    html: str = "",
    headers: dict[str, str] | None = None,
) -> OutboxMessage:
    """An unsaved outbox row (many at once go in with bulk_create and `send_outbox`)."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return OutboxMessage(
        purpose=what,
        subject=safe_line(subject, SUBJECT_MAX_LENGTH),
        body=body,
        html_body=html,
        headers={"Message-ID": make_msgid(domain=domain), **(headers or {})},
        recipients=list(recipients),
        about=about if isinstance(about, str) else about_key(about) if about else "",
    )


def as_email(message: OutboxMessage, connection=None) -> EmailMultiAlternatives:
    """The mail of a stored message: plain text, the HTML part if any, its own headers (Date
    is added when it is sent)."""
    email = EmailMultiAlternatives(
        message.subject,
        message.body,
        None,
        message.recipients,
        reply_to=[settings.EMAIL_REPLY_TO],
        headers=message.headers,
        connection=connection,
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    return email


def deliver(message_id: int, connection=None) -> bool:
    """Send one stored message unless it is sent, failed or being sent; True when sent."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, sent_at__isnull=True, failed_at__isnull=True)
            .first()
        )
        if message is None:
            return False
        message.attempts += 1
        try:
            as_email(message, connection).send()
        except Exception as error:
            _record_failure(message, error)
            return False
        message.sent_at = timezone.now()
        message.last_error = ""
        message.next_attempt_at = None
        message.save(update_fields=["attempts", "last_error", "sent_at", "next_attempt_at"])
        return True


def _record_failure(message: OutboxMessage, error: Exception) -> None:
    now = timezone.now()
    # The error's text can quote addresses or the subject: it stays in the row, not the log.
    message.last_error = f"{type(error).__name__}: {error}"[:300]
    if message.attempts >= MAX_ATTEMPTS:
        message.failed_at = now
        message.next_attempt_at = None
        logger.error(
            "Sending %s failed %d times (%s); it is marked failed for the editors",
            message.purpose,
            message.attempts,
            type(error).__name__,
        )
    else:
        message.next_attempt_at = now + FIRST_RETRY_AFTER * 2 ** (message.attempts - 1)
        logger.warning(
            "Sending %s failed (%s); it stays in the outbox and is retried later",
            message.purpose,
            type(error).__name__,
        )
    message.save(update_fields=["attempts", "last_error", "failed_at", "next_attempt_at"])


def due(now: datetime | None = None) -> models.QuerySet:
    """Unsent messages whose next attempt is due."""
    now = now or timezone.now()
    return OutboxMessage.objects.waiting().filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def send_outbox() -> tuple[int, int]:
    """Try every message that is due; returns (sent, still unsent)."""
    sent = failed = 0
    # One connection for them all (thousands of digests); a server that is down now fails each
    # message in turn, and each waits for its next attempt.
    connection = get_connection()
    with contextlib.suppress(Exception):
        connection.open()
    try:
        for message_id in due().values_list("pk", flat=True):
            if deliver(message_id, connection):
                sent += 1
            else:
                failed += 1
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    return sent, failed


def send_again(messages: models.QuerySet) -> int:
    """An editor's retry of failed messages: one more attempt each, now; how many were sent."""
    ids = list(messages.filter(sent_at__isnull=True).values_list("pk", flat=True))
    OutboxMessage.objects.filter(pk__in=ids).update(failed_at=None, next_attempt_at=None)
    return sum(deliver(message_id) for message_id in ids)
