"""Published articles and the Oivallukset list in sitemap.xml."""

from django.db.models import Max
from django.db.models.functions import Greatest

from insights.models import Article
from valoa.sitemaps import SiteSitemap, register_page, register_section


class ArticleSitemap(SiteSitemap):
    def items(self):
        fields = ("slug", "updated_at", "published_at")
        published = Article.objects.published().select_related(None).prefetch_related(None)
        return published.only(*fields)

    def lastmod(self, article):
        # Scheduled: it appears, on the page and in lists, at its publishing time.
        return max(article.updated_at, article.published_at)


def latest_change():
    return Article.objects.published().aggregate(
        latest=Max(Greatest("updated_at", "published_at"))
    )["latest"]


register_section("oivallukset", ArticleSitemap)
register_page("insights:list", latest_change)
