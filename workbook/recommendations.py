"""Reading for the themes where a team has most to develop: published cases and insights."""

import unicodedata
from dataclasses import dataclass

from django.utils.text import Truncator

from cases.models import Case
from insights.models import Article
from valoa.web import page_cache

PER_KIND = 3
LEAD_CHARS = 200


@dataclass(frozen=True)
class Recommendation:
    title: str
    url: str
    lead: str  # at most LEAD_CHARS characters


def _short(text: str) -> str:
    """The text as the truncatechars filter writes it. A text that is short enough is only
    normalised: the filter would walk through it a character at a time."""
    text = unicodedata.normalize("NFC", text)
    return text if len(text) <= LEAD_CHARS else Truncator(text).chars(LEAD_CHARS)


def _published_with_themes(model, theme_ids: list[int], limit: int) -> list[tuple[str, str, str]]:
    # A subquery instead of DISTINCT keeps each model's own ordering valid on PostgreSQL; it
    # reads the links to the themes alone, without joining the documents.
    themes = model._meta.get_field("themes")
    matching = themes.remote_field.through.objects.filter(theme_id__in=theme_ids).values(
        themes.m2m_field_name()
    )
    # Only what a recommendation shows, as plain values: no model instances to make.
    shown = model.objects.published().filter(pk__in=matching)
    return [
        (title, slug, _short(lead))
        for title, slug, lead in shown.values_list("title", "slug", "lead")[:limit]
    ]


def _recommended(model, themes, limit: int) -> list[Recommendation]:
    theme_ids = sorted(theme.pk for theme in themes)
    if not theme_ids:
        return []
    return [
        Recommendation(title=title, url=model.page_url(slug), lead=lead)
        # Kept while no document can have changed: each change moves the lists' number.
        for title, slug, lead in page_cache.kept_while_the_site_holds(
            ("recommended", model._meta.label, tuple(theme_ids), limit),
            lambda: _published_with_themes(model, theme_ids, limit),
            scopes=(page_cache.LISTING,),
        )
    ]


def recommended_articles(themes, limit: int = PER_KIND) -> list[Recommendation]:
    return _recommended(Article, themes, limit)


def recommended_cases(themes, limit: int = PER_KIND) -> list[Recommendation]:
    return _recommended(Case, themes, limit)
