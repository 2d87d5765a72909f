from django.shortcuts import render

from insights.models import Article


def home(request):
    latest_articles = Article.objects.published()[:3]
    return render(request, "valoa/home.html", {"latest_articles": latest_articles})


def privacy(request):
    return render(request, "valoa/privacy.html")


def accessibility(request):
    return render(request, "valoa/accessibility.html")
