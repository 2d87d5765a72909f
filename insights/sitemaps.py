"""Published articles, their authors' pages and the Oivallukset list in sitemap.xml."""

from django.db.models import Max, OuterRef, Subquery

from insights.models import Article, Author
from valoa.content.sitemaps import LAST_CHANGE, PublishedContentSitemap, SiteSitemap


class ArticleSitemap(PublishedContentSitemap):
    model = Article
    section = "oivallukset"
    list_url_name = "insights:list"


class AuthorSitemap(SiteSitemap):
    """Authors with a published article (no other author has a page), dated by its newest."""

    section = "kirjoittajat"

    def items(self):
        published = Article.objects.published().filter(author=OuterRef("pk"))
        newest = published.order_by().values("author").annotate(latest=Max(LAST_CHANGE))
        return (
            Author.objects.annotate(latest=Subquery(newest.values("latest")))
            .filter(latest__isnull=False)
            .only("slug")
            .order_by("slug")
        )

    def lastmod(self, author):
        return author.latest
