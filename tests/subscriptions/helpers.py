"""Reading the site's mail in tests: the outbox rows for an address, and their links."""

import re

from django.conf import settings

from valoa.models import OutboxMessage


def mails_to(address: str) -> list[OutboxMessage]:
    return [m for m in OutboxMessage.objects.order_by("pk") if address in m.recipients]


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", text)


def site_link(text: str, contains: str) -> str:
    """The one link of the mail to this site whose path contains `contains`, as a path."""
    found = [url for url in links(text) if contains in url]
    assert len(found) == 1, found
    assert found[0].startswith(settings.SITE_URL)
    return found[0][len(settings.SITE_URL) :]
