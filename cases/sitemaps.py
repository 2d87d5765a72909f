"""Published cases and the Innostu list in sitemap.xml."""

from cases.models import Case
from valoa.content.sitemaps import PublishedContentSitemap


class CaseSitemap(PublishedContentSitemap):
    model = Case
    section = "innostu"
    list_url_name = "cases:list"
