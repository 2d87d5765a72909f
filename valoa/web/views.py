"""Pages for machines and operators: the health check, security.txt and robots.txt."""

from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import DatabaseError, connection
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache

from valoa.outbox.models import OutboxMessage
from valoa.web import shared_cache

HEALTH_KEY = "healthz"
# send_outbox runs every five minutes: mail older than this should have left.
MAIL_DELAYED_AFTER = timedelta(minutes=15)


@never_cache
def healthz(request):
    """For load balancers and operators: what the site depends on, as a small JSON object.

    503 only when the site cannot serve (the database does not answer). A shared cache that is
    down (pages served uncached, abuse limits off) or mail piling up in the outbox makes the
    site "degraded" but it still answers 200."""
    cache_state = _cache_state()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        mail = _outbox_state()
    except DatabaseError:
        body = {"status": "unavailable", "database": "unavailable", "cache": cache_state}
        return JsonResponse(body, status=503)
    degraded = cache_state != "ok" or mail["state"] != "ok"
    return JsonResponse(
        {
            "status": "degraded" if degraded else "ok",
            "database": "ok",
            "cache": cache_state,
            "mail_outbox": mail,
        }
    )


def _cache_state() -> str:
    try:
        answered = shared_cache.attempt(lambda: cache.get(HEALTH_KEY) or True, fallback=False)
    except DatabaseError:  # the database cache, with the database down
        answered = False
    return "ok" if answered else "unavailable"


def _outbox_state() -> dict:
    """Mail waiting longer than MAIL_DELAYED_AFTER means the mail server is not taking it."""
    waiting = OutboxMessage.objects.waiting()
    counts = {
        "waiting": waiting.count(),
        "delayed": waiting.filter(created_at__lt=timezone.now() - MAIL_DELAYED_AFTER).count(),
        "failed": OutboxMessage.objects.failed().count(),
    }
    state = "failed" if counts["failed"] else "delayed" if counts["delayed"] else "ok"
    return {"state": state, **counts}


def security_txt(request):
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.isoformat()}",
        "Preferred-Languages: fi, en, sv",
        f"Canonical: {settings.SITE_URL}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def robots_txt(request):
    """Crawlers: everything public, except searches and the private links of the workbook and
    of contributors' stories (those pages also say noindex). The admin is not named: its
    address is meant to be hard to find, and its pages say noindex themselves."""
    text = _robots_txt(get_script_prefix(), get_urlconf())
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@lru_cache
def _robots_txt(script_prefix: str, urlconf) -> str:
    """Made once per process for each address prefix (reverse() reads them itself)."""
    rules = ["User-agent: *"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            workbook, story = reverse("workbook:start"), reverse("stories:submit")
            rules += [
                f"Allow: {workbook}$",  # the start page; the rest of /tyokirja/ is saved links
                f"Disallow: {workbook}",
                f"Disallow: {story}tila/",
                f"Disallow: {story}kiitos/",
                f"Disallow: {reverse('search')}",
            ]
    lines = [*dict.fromkeys(rules), "", f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}"]
    return "\n".join(lines) + "\n"


@receiver(setting_changed)
def forget_robots_txt(**kwargs) -> None:
    """A changed setting (in tests) may change it: the site address, the languages."""
    _robots_txt.cache_clear()
