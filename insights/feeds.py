"""RSS and Atom feeds of the published articles."""

from django.utils.translation import gettext_lazy as _

from insights.models import Article
from valoa.content.feeds import PublishedContentFeed


class ArticleFeed(PublishedContentFeed):
    model = Article
    title = _("VALOA – Oivallukset")
    description = _("Uusimmat kirjoitukset valmentavasta ja oppivasta työkulttuurista.")

    def item_author_name(self, article: Article) -> str:
        return article.author.name
