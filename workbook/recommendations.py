"""Reading for the themes where a team has most to develop: published cases and insights."""

from dataclasses import dataclass

from django.apps import apps

from insights.models import Article

PER_KIND = 3


@dataclass(frozen=True)
class Recommendation:
    title: str
    url: str
    lead: str
    themes: list


def _published_with_themes(model, theme_ids: list[int], limit: int) -> list:
    # A subquery instead of DISTINCT keeps each model's own ordering valid on PostgreSQL.
    matching = model.objects.filter(themes__in=theme_ids).values("pk")
    return list(
        model.objects.published().filter(pk__in=matching).prefetch_related("themes")[:limit]
    )


def _as_recommendation(item) -> Recommendation:
    return Recommendation(
        title=getattr(item, "title", "") or str(item),
        url=item.get_absolute_url(),
        lead=getattr(item, "lead", "") or getattr(item, "summary", ""),
        themes=list(item.themes.all()),
    )


def recommended_articles(themes, limit: int = PER_KIND) -> list[Recommendation]:
    theme_ids = [theme.pk for theme in themes]
    if not theme_ids:
        return []
    return [_as_recommendation(item) for item in _published_with_themes(Article, theme_ids, limit)]


def recommended_cases(themes, limit: int = PER_KIND) -> list[Recommendation]:
    """Published cases of these themes; none while the cases app has no Case model."""
    theme_ids = [theme.pk for theme in themes]
    if not theme_ids:
        return []
    try:
        case_model = apps.get_model("cases", "Case")
    except LookupError:
        return []
    return [
        _as_recommendation(item) for item in _published_with_themes(case_model, theme_ids, limit)
    ]
