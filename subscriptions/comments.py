"""A commenter's news of their own comment: that it was published, and approved replies to it.

Runs on every save of a comment (post_save): what an editor approves, in the admin or by an
action, is noticed however it was saved. Rejected and spam comments send nothing.
"""

from datetime import timedelta

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone, translation

from insights.models import Comment
from subscriptions import mail
from subscriptions.models import ReplyNotice, Subscription
from valoa.moderation import ModerationStatus

REPLY_DIGEST_WINDOW = timedelta(hours=1)


def follow_comment(comment: Comment) -> Subscription | None:
    """The commenter ticked the box: ask them to confirm (nothing for a comment held as spam:
    the form must not become a way to mail strangers)."""
    if comment.status == ModerationStatus.SPAM:
        return None
    subscription = Subscription.objects.create(
        kind=Subscription.Kind.COMMENT,
        email=comment.email,
        language=translation.get_language(),
        comment=comment,
    )
    mail.ask_to_confirm(subscription)
    return subscription


def confirmed(subscription: Subscription) -> None:
    """What was owed before the confirmation: the comment may have been approved already."""
    if subscription.comment.status == ModerationStatus.APPROVED:
        tell_published(subscription)


def tell_published(subscription: Subscription) -> None:
    mail.send(subscription, "published", "comment published", comment=subscription.comment)
    subscription.approval_sent_at = timezone.now()
    subscription.save(update_fields=["approval_sent_at"])


def tell_replies(subscription: Subscription, now=None) -> bool:
    """One mail about every approved reply not told yet; False when there was none."""
    now = now or timezone.now()
    notices = subscription.reply_notices.filter(
        sent_at__isnull=True, reply__status=ModerationStatus.APPROVED
    ).select_related("reply__article")
    replies = [notice.reply for notice in notices]
    if not replies:
        return False
    mail.send(subscription, "replies", "replies", comment=subscription.comment, replies=replies)
    subscription.reply_notices.filter(pk__in=[notice.pk for notice in notices]).update(sent_at=now)
    subscription.replies_sent_at = now
    subscription.save(update_fields=["replies_sent_at"])
    return True


def send_waiting_replies(now=None) -> int:
    """Replies held back because a mail about replies went less than an hour ago (cron)."""
    now = now or timezone.now()
    waiting = Subscription.objects.confirmed().filter(
        reply_notices__sent_at__isnull=True, replies_sent_at__lte=now - REPLY_DIGEST_WINDOW
    )
    return sum(tell_replies(subscription, now) for subscription in waiting.distinct())


@receiver(post_save, sender=Comment, dispatch_uid="subscriptions-comment-approved")
def comment_saved(sender, instance: Comment, **kwargs) -> None:
    if instance.status != ModerationStatus.APPROVED:
        return
    for subscription in Subscription.objects.confirmed().filter(
        comment=instance, approval_sent_at__isnull=True
    ):
        tell_published(subscription)
    if instance.parent_id is None:
        return
    now = timezone.now()
    # Not about one's own reply to oneself.
    followers = (
        Subscription.objects.confirmed()
        .filter(comment_id=instance.parent_id)
        .exclude(email__iexact=instance.email)
    )
    for subscription in followers:
        _notice, new = ReplyNotice.objects.get_or_create(subscription=subscription, reply=instance)
        recent = subscription.replies_sent_at and subscription.replies_sent_at > now - (
            REPLY_DIGEST_WINDOW
        )
        if new and not recent:
            tell_replies(subscription, now)
