"""Mail to subscribers: signed links, both parts, and the unsubscribe headers of RFC 8058."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from subscriptions.models import Subscription
from valoa.posting.notifications import new_message, send_after_commit

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60  # a week; unconfirmed subscriptions are deleted then too
UNSUBSCRIBE_MARK = "__unsubscribe_url__"
# Anyone may type any address: one address gets at most this many requests to confirm a day.
CONFIRMATIONS_PER_DAY = 3


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def confirm_url(subscription: Subscription) -> str:
    token = signing.dumps(subscription.pk, salt=CONFIRM_SALT)
    return absolute(reverse("subscriptions:confirm", args=[token]))


def unsubscribe_url(subscription: Subscription) -> str:
    token = signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)
    return absolute(reverse("subscriptions:unsubscribe", args=[token]))


def from_token(token: str, salt: str, max_age: int | None = None) -> Subscription | None:
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(pk=pk).first()


def unsubscribe_headers(url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@dataclass(frozen=True)
class Rendered:
    """A mail rendered once; each subscriber's own unsubscribe link is put in when sent."""

    subject: str
    text: str
    html: str

    def message_for(self, subscription: Subscription, what: str, send_now: bool = True):
        with translation.override(subscription.language):
            url = unsubscribe_url(subscription)
        parts = (self.text.replace(UNSUBSCRIBE_MARK, url), self.html.replace(UNSUBSCRIBE_MARK, url))
        make = send_after_commit if send_now else new_message
        return make(
            self.subject,
            parts[0],
            [subscription.email],
            what=what,
            about=subscription,
            html=parts[1],
            headers=unsubscribe_headers(url),
        )


def render(template: str, language: str, context: dict) -> Rendered:
    """subscriptions/mail/<template>.txt and .html in the subscriber's language; the subject is
    the first line of the text part."""
    with translation.override(language):
        context = {**context, "unsubscribe_url": UNSUBSCRIBE_MARK, "site_url": settings.SITE_URL}
        subject, text = render_to_string(f"subscriptions/mail/{template}.txt", context).split(
            "\n", 1
        )
        html = render_to_string(f"subscriptions/mail/{template}.html", context)
    return Rendered(subject.strip(), text.lstrip("\n"), html)


def send(subscription: Subscription, template: str, what: str, **context) -> None:
    with translation.override(subscription.language):
        context.update(subscription=subscription, confirm_url=confirm_url(subscription))
        rendered = render(template, subscription.language, context)
    rendered.message_for(subscription, what=f"subscription {subscription.pk} {what}")


def ask_to_confirm(subscription: Subscription) -> bool:
    """The double opt-in's first mail, unless the address has had its share today (the
    subscription then waits unconfirmed and goes after a week); True when asked."""
    day_ago = timezone.now() - timezone.timedelta(days=1)
    asked = Subscription.objects.filter(
        email__iexact=subscription.email, confirmed_at__isnull=True, created_at__gte=day_ago
    ).exclude(pk=subscription.pk)
    if asked.count() >= CONFIRMATIONS_PER_DAY:
        return False
    send(subscription, "confirm", "confirmation request")
    return True
