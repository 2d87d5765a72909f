from django.urls import reverse
from django.utils.translation import gettext as _

from feedback.models import Feedback
from valoa.moderation import Queue, QueueItem


def waiting_feedback(request, limit: int) -> Queue | None:
    if not request.user.has_perm("feedback.change_feedback"):
        return None
    waiting = Feedback.objects.waiting()
    items = [
        QueueItem(
            kind=_("Palaute"),
            title=str(feedback),
            created_at=feedback.created_at,
            url=reverse("admin:feedback_feedback_change", args=[feedback.pk]),
        )
        for feedback in waiting.order_by("created_at", "pk")[:limit]
    ]
    return Queue(
        label=_("Käsittelemättömät palautteet"),
        count=waiting.count(),
        url=reverse("admin:feedback_feedback_changelist") + "?status__exact=new",
        items=items,
    )
