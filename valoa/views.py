"""The site's own pages: home, the themes, about VALOA, privacy notice, accessibility statement."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from cases.models import Case
from insights.models import Article
from valoa.content.compiled import CompiledList, together
from valoa.models import AboutPage, Theme
from valoa.search import latest
from valoa.web.page_cache import cached_for_readers

# How many of a theme's newest cases and insights its page lists before the link to them all.
THEME_PAGE_ITEMS = 6
FEATURED_ITEMS = 4
FEATURED_ORDER = ("featured_order", "-published_at", "pk")


# What the home page lists of each kind: what editors lifted (their order first), the newest.
KINDS = (("case", Case), ("article", Article))
LIFTED = {
    kind: CompiledList(
        lambda now, model=model: (
            model.objects.published(now)
            .for_cards()
            .filter(featured=True)
            .order_by(*FEATURED_ORDER)[:FEATURED_ITEMS]
        )
    )
    for kind, model in KINDS
}
NEWEST = {
    kind: CompiledList(lambda now, model=model: model.objects.published(now).for_cards()[:3])
    for kind, model in KINDS
}


@cached_for_readers()
def home(request):
    lifted_cases, lifted_articles, newest_cases, newest_articles = together(
        LIFTED["case"], LIFTED["article"], NEWEST["case"], NEWEST["article"]
    )
    context = {
        "featured": featured_first({"case": lifted_cases, "article": lifted_articles}),
        "latest_articles": newest_articles,
        "latest_cases": newest_cases,
        # What a theme's card shows: not the texts of its own page.
        "themes": Theme.in_order(Theme.shared().values()),
    }
    return render(request, "valoa/home.html", context)


def featured_first(featured: dict[str, list]) -> list[tuple[str, object]]:
    """What editors lifted to the home page, of both kinds: ("case" or "article", item), their
    order first, then newest."""
    items = [(kind, item) for kind, chosen in featured.items() for item in chosen]
    items.sort(key=lambda pair: (pair[1].featured_order, -pair[1].published_at.timestamp()))
    return items[:FEATURED_ITEMS]


@cached_for_readers()
def theme_list(request):
    return render(request, "valoa/theme_list.html", {"themes": Theme.objects.all()})


@cached_for_readers()
def theme_detail(request, slug: str):
    theme = get_object_or_404(Theme, slug=slug)
    context = {
        "theme": theme,
        # The workbook's statements measure the theme; its reflection questions are the
        # questions a team can ask itself (reached by relation: valoa imports no workbook).
        "statements": theme.workbook_statements.active(),
        "questions": theme.workbook_reflectionquestions.active(),
        "latest": latest(theme=theme, limit=THEME_PAGE_ITEMS),
        "all_url": reverse("search") + "?teema=" + theme.slug,
    }
    return render(request, "valoa/theme_detail.html", context)


@cached_for_readers()
def about(request):
    page = AboutPage.objects.prefetch_related("team").first()
    context = {"page": page, "feedback_email": settings.FEEDBACK_EMAIL}
    return render(request, "valoa/about.html", context)


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
