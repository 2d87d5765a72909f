"""How each editor hears about what waits for them: a mail per new item (as MODERATOR_EMAILS
always did) or one daily digest of the moderation queues, with counts and links."""

from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import timezone

from subscriptions.models import EditorMailPreference
from valoa.moderation import queues_for
from valoa.posting.notifications import send_after_commit


def _addresses(choice: str) -> set[str]:
    preferences = EditorMailPreference.objects.filter(choice=choice).exclude(user__email="")
    return {email.lower() for email in preferences.values_list("user__email", flat=True)}


def per_item_recipients(addresses: list[str]) -> list[str]:
    """MODERATOR_EMAILS and the editors who want every item, less those who chose the digest."""
    daily = _addresses(EditorMailPreference.Choice.DAILY)
    wanted = [address for address in addresses if address.lower() not in daily]
    known = {address.lower() for address in wanted}
    return wanted + sorted(_addresses(EditorMailPreference.Choice.EACH) - known)


def send_daily_digests() -> int:
    """One mail to each editor who chose the digest and may see something that waits; how many."""
    editors = (
        get_user_model()
        .objects.filter(is_active=True, mail_preference__choice=EditorMailPreference.Choice.DAILY)
        .exclude(email="")
    )
    sent = 0
    for editor in editors:
        # The queues registered by the apps, as this editor's permissions show them.
        queues = [queue for queue in queues_for(SimpleNamespace(user=editor), 0) if queue.count]
        if not queues:
            continue
        body = render_to_string(
            "subscriptions/mail/editors_digest.txt",
            {"queues": queues, "site_url": settings.SITE_URL, "today": timezone.localdate()},
        )
        subject, body = body.split("\n", 1)
        send_after_commit(subject, body, [editor.email], what=f"editor {editor.pk} daily digest")
        sent += 1
    return sent
