"""Published articles and the Oivallukset list in sitemap.xml."""

from insights.models import Article
from valoa.content.sitemaps import PublishedContentSitemap


class ArticleSitemap(PublishedContentSitemap):
    model = Article
    section = "oivallukset"
    list_url_name = "insights:list"
