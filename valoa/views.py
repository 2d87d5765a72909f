from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
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
    return render(request, "valoa/privacy.html")


@cached_for_readers()
def accessibility(request):
    return render(request, "valoa/accessibility.html")


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
