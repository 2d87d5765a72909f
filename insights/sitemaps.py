"""Published articles, their authors' pages and the Oivallukset list in sitemap.xml."""

from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Greatest

from insights.models import Article, Author
from valoa.sitemaps import SiteSitemap, register_page, register_section


class ArticleSitemap(SiteSitemap):
    def items(self):
        fields = ("slug", "updated_at", "published_at")
        published = Article.objects.published().select_related(None).prefetch_related(None)
        return published.only(*fields)

    def lastmod(self, article):
        # Scheduled: it appears, on the page and in lists, at its publishing time.
        return max(article.updated_at, article.published_at)


class AuthorSitemap(SiteSitemap):
    """Authors with a published article (no other author has a page), dated by its newest."""

    def items(self):
        published = Article.objects.published().filter(author=OuterRef("pk"))
        newest = (
            published.order_by()
            .values("author")
            .annotate(latest=Max(Greatest("updated_at", "published_at")))
        )
        return (
            Author.objects.annotate(latest=Subquery(newest.values("latest")))
            .filter(latest__isnull=False)
            .only("slug")
            .order_by("slug")
        )

    def lastmod(self, author):
        return author.latest


def latest_change():
    return Article.objects.published().aggregate(
        latest=Max(Greatest("updated_at", "published_at"))
    )["latest"]


register_section("oivallukset", ArticleSitemap)
register_section("kirjoittajat", AuthorSitemap)
register_page("insights:list", latest_change)
