from datetime import datetime

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.filter
def machine_time(value) -> str:
    """For <time datetime> and meta tags: ISO 8601 in local time to the second, since HTML
    allows no more than milliseconds (Django's "c" format writes microseconds)."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat() if value else ""


@register.filter
def startswith(text: str, prefix: str) -> bool:
    return bool(prefix) and str(text).startswith(prefix)


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


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's public address under settings.SITE_URL, without the query string."""
    request = context.get("request")
    return settings.SITE_URL + (request.path if request is not None else "/")


@register.simple_tag
def absolute_url(path: str) -> str:
    """A site path (e.g. an image's URL) as a full address, for link previews."""
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context) -> str:
        # The rendered text is already escaped; whitespace is collapsed to one line.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}…{% endcapture %}: render once, use as {{ name }} many times (e.g. a
    page's title in <title> and in its link preview). Blocks inside may be overridden."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("Usage: {% capture name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


@register.simple_tag
def content_lang(item) -> str:
    """` lang="xx"` for text written in another language than the interface's, else nothing."""
    language = getattr(item, "language", settings.LANGUAGE_CODE)
    return format_html(' lang="{}"', language) if language != get_language() else ""
