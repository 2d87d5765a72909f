from contextlib import suppress
from copy import copy
from datetime import datetime
from typing import NamedTuple

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader_tags import BlockNode
from django.urls import (
    NoReverseMatch,
    Resolver404,
    get_script_prefix,
    get_urlconf,
    resolve,
    reverse,
)
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override

from valoa.posting.forms import TIME_TRAP_FIELD
from valoa.web import page_cache

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


@register.simple_tag(takes_context=True)
def query_with(context, key: str, value) -> str:
    """The current query string with one parameter set to a value (None removes it)."""
    query = copy(context["request"].GET)  # its strings need no deep copy
    if value is None:
        query.pop(key, None)
    else:
        query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


class Kept(dict):
    """What a process keeps to reuse, by key: at most `limit` pieces (and of markup kept by an
    address, made-up long ones too, at most `characters` in all), all forgotten when full
    (what is shown often is soon back)."""

    def __init__(self, limit: int, characters: int | None = None):
        super().__init__()
        self.limit = limit
        self.characters = characters
        self.size = 0

    def keep(self, key, value):
        if len(self) >= self.limit or (self.characters and self.size >= self.characters):
            self.clear()
        if self.characters:
            self.size += len(value)
        self[key] = value
        return value

    def clear(self) -> None:
        super().clear()
        self.size = 0

    def get_or_make(self, key, make):
        value = self.get(key)
        return self.keep(key, make()) if value is None else value


class LanguageVersion(NamedTuple):
    code: str
    name: str
    url: str
    absolute_url: str
    current: bool


@register.simple_tag(takes_context=True)
def language_versions(context) -> tuple[LanguageVersion, ...]:
    """This page in each interface language: for the language switcher and hreflang links
    (as django.urls.translate_url finds them, from the view that answered). Hashable: the key
    of the {% memo %} of their markup."""
    request = context["request"]
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    query = "?" + iri_to_uri(query) if query else ""
    paths = _paths_in_languages(request)
    return tuple(
        LanguageVersion(
            code=code,
            name=language_name,
            url=path + query if path else request.get_full_path(),
            absolute_url=settings.SITE_URL + (path or request.path),
            current=code == current,
        )
        for (code, language_name), path in zip(settings.LANGUAGES, paths, strict=True)
    )


# A page's address in each language (None where it has none), by its view and arguments.
_language_paths = Kept(limit=5000)
# Longer addresses are made up (the site's own are shorter): theirs are not kept.
LONGEST_KEPT_PATH = 300


def _paths_in_languages(request) -> tuple:
    match = request.resolver_match
    if match is None:  # a page answered before or without the view (a 404, a 413, a 503)
        try:
            match = resolve(request.path)
        except Resolver404:  # not one of the site's addresses: the page as it was asked
            return (None,) * len(settings.LANGUAGES)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    key = (
        name,
        tuple(match.args),
        tuple(sorted(match.kwargs.items())),
        get_script_prefix(),
        get_urlconf(),
    )

    def reverse_in_each_language() -> tuple:
        paths = []
        for code, _language_name in settings.LANGUAGES:
            path = None
            with override(code), suppress(NoReverseMatch):
                path = reverse(name, args=match.args, kwargs=match.kwargs)
            paths.append(path)
        return tuple(paths)

    if len(request.path) > LONGEST_KEPT_PATH:
        return reverse_in_each_language()
    return _language_paths.get_or_make(key, reverse_in_each_language)


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


# Markup that {% memo %} rendered, by the block, the language, the address prefix and the keys.
_memo = Kept(limit=1000, characters=2_000_000)


@receiver(setting_changed)
def forget_memo(**kwargs) -> None:
    """A changed setting (in tests) may change any fragment: the addresses, the languages."""
    _memo.clear()
    _cards.clear()
    _language_paths.clear()


def frozen(value):
    """A template value as a key: dicts and lists become tuples; anything else is taken as it
    is (texts and numbers: an unhashable value fails loudly)."""
    if isinstance(value, dict):
        return tuple((key, frozen(item)) for key, item in value.items())
    if isinstance(value, tuple):
        try:
            hash(value)  # texts and numbers already (a view's rows): taken as they are
            return value
        except TypeError:
            pass
    if isinstance(value, list | tuple):
        return tuple(frozen(item) for item in value)
    return value


def memo_key(node, *keys) -> tuple:
    return (node, get_language(), get_script_prefix(), get_urlconf(), *keys)


class MemoNode(template.Node):
    # Not searched for {% block %}s (as {% extends %} searches base.html on every render): a
    # memo's markup is the same for every page, so it holds none to override.
    child_nodelists = ()

    def __init__(self, nodelist, keys):
        self.nodelist = nodelist
        self.keys = keys

    def render(self, context) -> str:
        key = memo_key(self, *(frozen(key.resolve(context)) for key in self.keys))
        return _memo.get_or_make(key, lambda: self.nodelist.render(context))


@register.tag
def memo(parser, token):
    """{% memo key… %}…{% endmemo %}: rendered once per process for each language and value
    of the keys, then reused. Only for markup that shows nothing but the keys, translated
    texts, {% url %} and {% static %} addresses: the keys are plain data (texts, numbers, lists
    and dicts of them: a page's address, a view's figures), never model instances, the request
    object or a person's own texts (a copy in memory that erasure would not reach)."""
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError("A {% block %} cannot be inside a {% memo %}.")
    return MemoNode(nodelist, keys)


# Markup that {% card %} rendered: a card of each item shown lately, in each language and variant.
_cards = Kept(limit=5000)  # some 1 kB each: a few megabytes a process


class CardNode(template.Node):
    def __init__(self, nodelist, item, keys):
        self.nodelist = nodelist
        self.item = item
        self.keys = keys

    def render(self, context) -> str:
        generation = page_cache.site_generation(context.get("request"))
        if generation is None:  # a theme may have been renamed unseen: nothing is reused
            return self.nodelist.render(context)
        item = self.item.resolve(context)
        key = memo_key(
            self,
            item._meta.label,
            item.pk,
            item.updated_at,
            generation,
            # Its themes: added or removed without a save of the item, they move no timestamp.
            tuple(item.theme_ids),
            *(key.resolve(context) for key in self.keys),
        )
        return _cards.get_or_make(key, lambda: self.nodelist.render(context))


@register.tag
def card(parser, token):
    """{% card item variant… %}…{% endcard %}: markup that shows one published item (a list's
    card; an article's own part of its page), rendered once per process and reused while it
    shows the same: the item as last saved (`updated_at`), its
    themes, the language, the variant's keys and the site's generation (themes' and authors'
    names: page_cache.site_generation). Only the items a page's query returned get a card, so
    a withdrawn one's is never shown; while the shared cache does not answer, none is reused."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("Usage: {% card item variant… %}…{% endcard %}")
    item, *keys = (parser.compile_filter(bit) for bit in bits[1:])
    nodelist = parser.parse(("endcard",))
    parser.delete_first_token()
    return CardNode(nodelist, item, keys)


MAIN_MENU = ("themes", "cases:list", "insights:list", "workbook:start")


@register.simple_tag(takes_context=True)
def current_section(context) -> str:
    """The main menu's entry this page belongs to (the one whose address begins the page's),
    or "": the key of the menu's {% memo %}."""
    addresses = _memo.get_or_make(
        memo_key(current_section), lambda: [(name, reverse(name)) for name in MAIN_MENU]
    )
    path = context["request"].path
    return next((name for name, address in addresses if path.startswith(address)), "")


# Where the time trap's token goes in a form's remembered markup (each showing gets its own).
TIME_TRAP_MARK = "valoa-memo-time-trap-5d0e"


class SameForEveryReaderNode(template.Node):
    def __init__(self, nodelist, form):
        self.nodelist = nodelist
        self.form = form

    def render(self, context) -> str:
        form = self.form.resolve(context)
        if form.is_bound or not getattr(form, "same_markup_for_every_reader", False):
            return self.nodelist.render(context)
        trap = form[TIME_TRAP_FIELD].value() if TIME_TRAP_FIELD in form.fields else None
        # Everything a field's markup is made of that may differ between two showings.
        fields = tuple(
            (field.name, str(field.label), field.value())
            for field in form
            if field.name != TIME_TRAP_FIELD
        )
        key = memo_key(self, type(form), form.prefix, form.auto_id, fields)
        markup = _memo.get(key)
        if markup is None:
            markup = self.nodelist.render(context)
            token = conditional_escape(trap) if trap else None
            if token is None or markup.count(token) != 1:
                return markup  # the token cannot be told apart: not remembered
            markup = _memo.keep(key, markup.replace(token, TIME_TRAP_MARK))
        return mark_safe(markup.replace(TIME_TRAP_MARK, conditional_escape(trap)))


@register.tag
def same_for_every_reader(parser, token):
    """{% same_for_every_reader form %}…fields…{% endsame_for_every_reader %}: the fields of an
    empty form that says `same_markup_for_every_reader` are rendered once per language, field
    labels and values, then reused with this showing's own time-trap token. A form says so
    only when nothing else in its fields' markup can differ (no choices from the database)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("Usage: {% same_for_every_reader form %}")
    nodelist = parser.parse(("endsame_for_every_reader",))
    parser.delete_first_token()
    return SameForEveryReaderNode(nodelist, parser.compile_filter(bits[1]))
