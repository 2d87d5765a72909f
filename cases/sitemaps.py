"""Published cases and the Innostu list in sitemap.xml."""

from django.db.models import Max

from cases.models import Case
from valoa.sitemaps import SiteSitemap, register_page, register_section


class CaseSitemap(SiteSitemap):
    def items(self):
        return Case.objects.published().prefetch_related(None).only("slug", "updated_at")

    def lastmod(self, case):
        return case.updated_at


def latest_change():
    return Case.objects.published().aggregate(latest=Max("updated_at"))["latest"]


register_section("innostu", CaseSitemap)
register_page("cases:list", latest_change)
