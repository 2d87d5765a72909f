"""The weekly digest for readers who follow sections or themes.

Subscribers who follow the same things in the same language get the same mail: it is rendered
once per such set, and only each one's unsubscribe link is put in per subscriber. Nothing goes
to a set with nothing new in the week.
"""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from cases.models import Case
from insights.models import Article
from subscriptions import mail
from subscriptions.models import Subscription
from valoa.models import OutboxMessage, Theme
from valoa.posting.notifications import send_outbox

WEEK = timedelta(days=7)
# A subscriber's next digest: a week's cron may start a little earlier than the last one did.
NEXT_DIGEST_AFTER = timedelta(days=6)
BATCH = 1000


def _follows(item, sections: frozenset[str], section: str, themes: frozenset[int]) -> bool:
    return section in sections or not themes.isdisjoint(item.theme_ids)


def send_weekly_digests(now: datetime | None = None) -> dict[str, int]:
    """Store this week's digests in the outbox and send them; what was done, in numbers."""
    now = now or timezone.now()
    since = now - WEEK
    cases = list(Case.objects.published().for_list().filter(published_at__gt=since))
    articles = list(Article.objects.published().for_list().filter(published_at__gt=since))
    subscriptions = (
        Subscription.objects.confirmed()
        .filter(kind=Subscription.Kind.DIGEST)
        .exclude(digest_sent_at__gt=now - NEXT_DIGEST_AFTER)  # one a week, however often it runs
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("pk")))
    )
    sets: dict[tuple, list[Subscription]] = defaultdict(list)
    for subscription in subscriptions if cases or articles else []:
        themes = frozenset(theme.pk for theme in subscription.themes.all())
        sets[(subscription.language, frozenset(subscription.sections), themes)].append(subscription)
    rendered = stored = 0
    for (language, sections, themes), followers in sets.items():
        new_cases = [c for c in cases if _follows(c, sections, Subscription.Section.CASES, themes)]
        new_articles = [
            a for a in articles if _follows(a, sections, Subscription.Section.INSIGHTS, themes)
        ]
        if not new_cases and not new_articles:
            continue
        digest = mail.render("digest", language, {"cases": new_cases, "articles": new_articles})
        rendered += 1
        for start in range(0, len(followers), BATCH):
            batch = followers[start : start + BATCH]
            messages = [
                digest.message_for(follower, f"subscription {follower.pk} digest", send_now=False)
                for follower in batch
            ]
            OutboxMessage.objects.bulk_create(messages)
            Subscription.objects.filter(pk__in=[f.pk for f in batch]).update(digest_sent_at=now)
            stored += len(batch)
    sent, unsent = send_outbox()
    return {"rendered": rendered, "stored": stored, "sent": sent, "unsent": unsent}
