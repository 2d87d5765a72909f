"""What moderation means on this site, shared by every app that takes in readers' text."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from valoa.apps import contributed


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("Odottaa tarkistusta")
    APPROVED = "approved", _("Hyväksytty")
    REJECTED = "rejected", _("Hylätty")
    SPAM = "spam", _("Roskaposti")


@dataclass(frozen=True)
class QueueItem:
    """One thing waiting for an editor, as shown in the moderation overview."""

    kind: str
    title: str
    created_at: datetime
    url: str


@dataclass(frozen=True)
class Queue:
    label: str
    count: int
    url: str
    items: list[QueueItem]


def queues_for(request: HttpRequest, limit: int = 20) -> list[Queue]:
    """The queues an editor may see. Apps declare a function for each of theirs in their
    AppConfig (`moderation_queues`); it returns the queue, or None when the editor may not see
    it. The admin index shows them together, oldest first."""
    providers = contributed("moderation_queues")
    return [queue for provider in providers if (queue := provider(request, limit)) is not None]


def oldest_first(queues: Iterable[Queue], limit: int = 20) -> list[QueueItem]:
    items = [item for queue in queues for item in queue.items]
    return sorted(items, key=lambda item: item.created_at)[:limit]
