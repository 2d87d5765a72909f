"""RSS and Atom feeds of the published articles."""

from django.urls import reverse
from django.utils.translation import gettext as _

from insights.models import Article
from valoa.feeds import FEED_ITEMS, AtomFeedMixin, SiteFeed, absolute


class ArticleFeed(SiteFeed):
    feed_url_name = "insights:feed_rss"

    def title(self) -> str:
        return _("VALOA – Oivallukset")

    def description(self) -> str:
        return _("Uusimmat kirjoitukset valmentavasta ja oppivasta työkulttuurista.")

    def link(self) -> str:
        return absolute(reverse("insights:list"))

    def items(self):
        return Article.objects.published()[:FEED_ITEMS]

    def item_author_name(self, article: Article) -> str:
        return article.author.name


class ArticleAtomFeed(AtomFeedMixin, ArticleFeed):
    feed_url_name = "insights:feed_atom"
