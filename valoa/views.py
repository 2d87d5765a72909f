from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache

from cases.models import Case
from insights.models import Article
from valoa.page_cache import cached_for_readers


@cached_for_readers()
def home(request):
    context = {
        "latest_articles": Article.objects.published()[:3],
        "latest_cases": Case.objects.published()[:3],
    }
    return render(request, "valoa/home.html", context)


@cached_for_readers()
def privacy(request):
    context = {
        "feedback_email": settings.FEEDBACK_EMAIL,
        "threshold": settings.WORKBOOK_TEAM_THRESHOLD,
    }
    return render(request, "valoa/privacy.html", context)


@cached_for_readers()
def accessibility(request):
    return render(request, "valoa/accessibility.html", {"feedback_email": settings.FEEDBACK_EMAIL})


@never_cache
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


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
    """Crawlers: everything public, except the admin, searches and the private links of the
    workbook and of contributors' stories (those pages also say noindex)."""
    rules = ["User-agent: *", f"Disallow: /{settings.ADMIN_PATH}"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            workbook, story = reverse("workbook:start"), reverse("cases:submit")
            rules += [
                f"Allow: {workbook}$",  # the start page; the rest of /tyokirja/ is saved links
                f"Disallow: {workbook}",
                f"Disallow: {story}tila/",
                f"Disallow: {story}kiitos/",
                f"Disallow: {reverse('search')}",
            ]
    lines = [*dict.fromkeys(rules), "", f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
