from django import template
from django.templatetags.static import static

register = template.Library()


@register.simple_tag
def plant_icon(level) -> str:
    """The address of the plant picture for a level: 1, 2 or 3 leaves (decoration only)."""
    return static(f"icons/plant-{int(level)}.svg")


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """The full address of a path on this site: printed links must work from paper."""
    return context["request"].build_absolute_uri(path)
