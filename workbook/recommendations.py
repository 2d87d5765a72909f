"""Reading for the themes where a team has most to develop: published cases and insights."""

import unicodedata
from dataclasses import dataclass

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone
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


# What `_kept_or_read` read, by (kind, themes, how many): (the site's generation and the
# lists' number, when a document published for later appears, the rows).
_kept: dict[tuple, tuple] = {}
KEPT_LIMIT = 1000  # themes' combinations: a few hundred at most; all forgotten when full


def _kept_or_read(model, theme_ids: list[int], limit: int) -> list[tuple[str, str, str]]:
    """The rows, kept by this process while they cannot have changed: publishing, withdrawing
    or editing a document or its themes moves the lists' number (page_cache.LISTING), a theme
    the site's generation, and a document published for later appears at its time. Read
    anew while the shared cache does not answer (a change could go unseen)."""
    # Read before the rows: a change meanwhile must not be kept as current.
    numbers = (page_cache.site_generation(), page_cache.scope_number(page_cache.LISTING))
    key = (model._meta.label, tuple(theme_ids), limit)
    now = timezone.now()
    kept = _kept.get(key)
    if kept is not None and kept[0] == numbers and (kept[1] is None or now < kept[1]):
        return kept[2]
    rows = _published_with_themes(model, theme_ids, limit)
    if None not in numbers:
        if len(_kept) >= KEPT_LIMIT:
            _kept.clear()
        _kept[key] = (numbers, model.objects.next_scheduled(now), rows)
    return rows


@receiver(setting_changed)
def _forget(**kwargs) -> None:
    # Another cache (in tests) has other numbers; other settings, other documents.
    _kept.clear()


def _recommended(model, themes, limit: int) -> list[Recommendation]:
    theme_ids = sorted(theme.pk for theme in themes)
    if not theme_ids:
        return []
    return [
        Recommendation(title=title, url=model.page_url(slug), lead=lead)
        for title, slug, lead in _kept_or_read(model, theme_ids, limit)
    ]


def recommended_articles(themes, limit: int = PER_KIND) -> list[Recommendation]:
    return _recommended(Article, themes, limit)


def recommended_cases(themes, limit: int = PER_KIND) -> list[Recommendation]:
    return _recommended(Case, themes, limit)
