from django.core import signing
from django.core.validators import slug_re
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from subscriptions import comments, mail
from subscriptions.forms import SubscribeForm
from subscriptions.models import Subscription
from valoa import posting
from valoa.models import Theme
from valoa.web.page_cache import cached_for_readers


def _initial(request) -> dict:
    """What a link from a theme's or section's page chose: ?teema=<slug> or ?osio=<section>."""
    initial = {}
    if section := request.GET.get("osio"):
        initial["sections"] = [section] if section in Subscription.Section.values else []
    if (slug := request.GET.get("teema", "")) and slug_re.fullmatch(slug):
        initial["themes"] = list(Theme.objects.filter(slug=slug))
    return initial


@posting.login_free_form
@require_http_methods(["GET", "HEAD", "POST"])
@cached_for_readers()
def subscribe(request):
    form = SubscribeForm(request.POST or None, initial=_initial(request))
    return posting.form_page(
        request,
        form,
        "subscriptions/subscribe.html",
        done=lambda _subscription: reverse("subscriptions:sent"),
    )


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def sent(request):
    return render(request, "subscriptions/sent.html")


TITLES = {
    "confirm": _("Vahvista tilaus"),
    "confirmed": _("Tilaus on vahvistettu"),
    "unsubscribe": _("Peru tilaus"),
    "unsubscribed": _("Tilaus on peruttu"),
    "invalid": _("Linkki ei ole voimassa"),
}


def _answer(request, state: str, subscription=None, status: int = 200):
    context = {"state": state, "title": TITLES[state], "subscription": subscription}
    return render(request, "subscriptions/answer.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    """The link asks for one click more: a mail scanner opening links confirms nothing."""
    subscription = mail.from_token(token, mail.CONFIRM_SALT, mail.CONFIRM_MAX_AGE)
    if subscription is None:
        return _answer(request, "invalid", status=404)
    if request.method != "POST":
        state = "confirmed" if subscription.confirmed_at else "confirm"
        return _answer(request, state, subscription)
    with transaction.atomic():
        if subscription.confirmed_at is None:
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["confirmed_at"])
            if subscription.kind == Subscription.Kind.DIGEST:
                # The newest choice of sections and themes replaces the earlier one.
                Subscription.objects.confirmed().filter(
                    kind=Subscription.Kind.DIGEST, email__iexact=subscription.email
                ).exclude(pk=subscription.pk).delete()
            else:
                comments.confirmed(subscription)
    return _answer(request, "confirmed", subscription)


# A mail client unsubscribes with a POST of its own (RFC 8058): no CSRF token; the signed link
# is the proof. A GET only shows the button, so that a scanner opening links changes nothing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    try:
        pk = signing.loads(token, salt=mail.UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return _answer(request, "invalid", status=404)
    subscription = Subscription.objects.filter(pk=pk).first()
    if request.method == "POST" and subscription is not None:
        subscription.delete()
        subscription = None
    if subscription is None:
        return _answer(request, "unsubscribed")
    return _answer(request, "unsubscribe", subscription)
