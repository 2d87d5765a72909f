"""RSS and Atom feeds: the shared base (absolute links under settings.SITE_URL), the feed of
one kind of published content that apps configure, and one feed per theme with every kind of
content in it (from the search sources)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from valoa.models import Theme
from valoa.search import Hit, latest
from valoa.web.page_cache import cached_for_readers

FEED_ITEMS = 20


def absolute(path: str) -> str:
    return settings.SITE_URL + path


class SiteFeed(Feed):
    """A feed of documents that have title, lead, published_at, updated_at and themes."""

    language = "fi"  # the content is written in Finnish whatever the interface language
    feed_url_name = ""  # the URLs are named this with "_rss" and "_atom"

    def __init__(self, atom: bool = False):
        self.format = "atom" if atom else "rss"
        if atom:
            self.feed_type = Atom1Feed

    def feed_url(self, obj) -> str:
        kwargs = {"slug": obj.slug} if obj is not None else None
        return absolute(reverse(f"{self.feed_url_name}_{self.format}", kwargs=kwargs))

    def subtitle(self, obj) -> str:
        """Atom's; RSS has only the description."""
        return self._get_dynamic_attr("description", obj)

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.lead

    def item_link(self, item) -> str:
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item) -> list[str]:
        return [theme.name for theme in item.shown_themes]


class PublishedContentFeed(SiteFeed):
    """The newest published documents of a `valoa.content.models.PublishedContent` model,
    linked to its app's list page ("<app>:list"; the feeds' URLs are "<app>:feed_rss" and
    "<app>:feed_atom", see `feed_paths`). A subclass sets `model`, `title` and `description`."""

    model = None

    @property
    def feed_url_name(self) -> str:
        return f"{self.model._meta.app_label}:feed"

    def link(self) -> str:
        return absolute(reverse(f"{self.model._meta.app_label}:list"))

    def items(self):
        return self.model.objects.published().for_list()[:FEED_ITEMS]


def feed_paths(feed: type[SiteFeed], prefix: str = "syote/", name: str = "feed") -> list:
    """The feed's RSS and Atom addresses, cached for readers, named `name` + "_rss" / "_atom"."""
    return [
        path(f"{prefix}rss/", cached_for_readers()(feed()), name=f"{name}_rss"),
        path(f"{prefix}atom/", cached_for_readers()(feed(atom=True)), name=f"{name}_atom"),
    ]


class ThemeFeed(SiteFeed):
    """The newest articles, cases and experiments of one theme."""

    feed_url_name = "theme_feed"

    def get_object(self, request, slug: str) -> Theme:
        return get_object_or_404(Theme, slug=slug)

    def title(self, theme: Theme) -> str:
        return _("VALOA – teema: %(theme)s") % {"theme": theme.name}

    def description(self, theme: Theme) -> str:
        return theme.description or _(
            "Uusimmat oivallukset, esimerkit ja kokeilut teemasta %(theme)s."
        ) % {"theme": theme.name}

    def link(self, theme: Theme) -> str:
        return absolute(reverse("search") + "?" + urlencode({"teema": theme.slug}))

    def items(self, theme: Theme) -> list[Hit]:
        return latest(theme=theme, limit=FEED_ITEMS)

    def item_title(self, hit: Hit) -> str:
        return f"{hit.kind_label}: {hit.title}"

    def item_description(self, hit: Hit) -> str:
        return hit.document.lead

    def item_link(self, hit: Hit) -> str:
        return absolute(hit.url)

    def item_pubdate(self, hit: Hit):
        return hit.date

    def item_updateddate(self, hit: Hit):
        return hit.document.updated_at

    def item_categories(self, hit: Hit) -> list[str]:
        return [str(hit.kind_label), *super().item_categories(hit.document)]
