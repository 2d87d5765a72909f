from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from stories.models import Submission
from valoa.moderation import Queue, QueueItem


def _kind(submission: Submission) -> str:
    if submission.erasure_requested_at:
        return _("Poistopyyntö")
    if submission.status == Submission.Status.RETURNED:
        return _("Muokattu kertomus")
    return _("Uusi kertomus")


def waiting_submissions(request, limit: int) -> Queue | None:
    if not request.user.has_perm("stories.change_submission"):
        return None
    waiting = Submission.objects.awaiting_editors()
    # Waiting since the latest thing the contributor did: an erasure request, a resend, a send.
    submissions = waiting.annotate(
        waiting=Coalesce("erasure_requested_at", "returned_at", "created_at")
    ).order_by("waiting", "pk")[:limit]
    items = [
        QueueItem(
            kind=_kind(submission),
            title=f"{submission.name}: {submission.title}",
            created_at=submission.waiting_since,
            url=reverse("admin:stories_submission_change", args=[submission.pk]),
        )
        for submission in submissions
    ]
    return Queue(
        label=_("Käsittelyä odottavat kertomukset"),
        count=waiting.count(),
        url=reverse("admin:stories_submission_changelist") + "?odottaa=kylla",
        items=items,
    )
