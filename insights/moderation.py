from django.urls import reverse
from django.utils.translation import gettext as _

from insights.models import Comment
from valoa.moderation import Queue, QueueItem


def pending_comments(request, limit: int) -> Queue | None:
    if not request.user.has_perm("insights.moderate_comment"):
        return None
    pending = Comment.objects.pending().select_related("article").order_by("created_at")
    items = [
        QueueItem(
            kind=_("Lukijan oivallus") if comment.is_reader_insight else _("Kommentti"),
            title=f"{comment.name}: {comment.excerpt(60)}",
            created_at=comment.created_at,
            url=reverse("admin:insights_comment_change", args=[comment.pk]),
        )
        for comment in pending[:limit]
    ]
    return Queue(
        label=_("Tarkistusta odottavat kommentit"),
        count=pending.count(),
        url=reverse("admin:insights_comment_changelist") + "?status__exact=pending",
        items=items,
    )
