from django import template

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
