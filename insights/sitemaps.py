"""Published articles and the Oivallukset list in sitemap.xml."""

from django.db.models import Max

from insights.models import Article
from valoa.sitemaps import SiteSitemap, register_page, register_section


class ArticleSitemap(SiteSitemap):
    def items(self):
        return Article.objects.published().prefetch_related(None).only("slug", "updated_at")

    def lastmod(self, article):
        return article.updated_at


def latest_change():
    return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


register_section("oivallukset", ArticleSitemap)
register_page("insights:list", latest_change)
