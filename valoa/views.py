"""The site's own pages: home, privacy notice, accessibility statement."""

from django.conf import settings
from django.shortcuts import render

from cases.models import Case
from insights.models import Article
from valoa.web.page_cache import cached_for_readers


@cached_for_readers()
def home(request):
    context = {
        "latest_articles": Article.objects.published().for_list()[:3],
        "latest_cases": Case.objects.published().for_list()[:3],
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
