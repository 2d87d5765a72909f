from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static

from valoa.templatetags.valoa_tags import Kept, memo_key

register = template.Library()

# Markup of a summary's tables, by everything they show (see {% kept %}): a team's results
# change only at a publication, but every new answer empties the cached page.
_kept = Kept(limit=300)  # a few kilobytes each


@receiver(setting_changed)
def forget_kept(**kwargs) -> None:
    """A changed setting (in tests) may change any fragment: the addresses, the languages."""
    _kept.clear()


@register.simple_tag
def plant_icon(level) -> str:
    """The address of the plant picture for a level: 1, 2 or 3 leaves (decoration only)."""
    return static(f"icons/plant-{int(level)}.svg")


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """The full address of a path on this site: printed links must work from paper."""
    return context["request"].build_absolute_uri(path)


def frozen(value):
    """The view's data as a key: dicts and lists become tuples; a tuple is taken as it is (a
    row of texts and numbers: anything else in it fails loudly, being unhashable)."""
    if isinstance(value, dict):
        return tuple((key, frozen(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    return value


class KeptNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values

    def render(self, context) -> str:
        key = memo_key(self, *(frozen(value.resolve(context)) for value in self.values))
        return _kept.get_or_make(key, lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    """{% kept value… %}…{% endkept %}: rendered once per process for each language and each
    set of the values, then reused. The values must be all the markup shows besides
    translated texts: plain data the view made (dicts, lists, tuples of texts and numbers),
    never model instances, whose changes a key would not see."""
    values = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, values)
