from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, key: str, value) -> str:
    """The current query string with one parameter set to a value (None removes it)."""
    query = context["request"].GET.copy()
    if value is None:
        query.pop(key, None)
    else:
        query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[dict]:
    """This page in each interface language: for the language switcher and hreflang links."""
    request = context["request"]
    current = get_language()
    path = request.get_full_path()
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "absolute_url": settings.SITE_URL + translate_url(request.path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
