"""Published cases, the Innostu list and the story form in sitemap.xml."""

from django.db.models import Max
from django.db.models.functions import Greatest

from cases.models import Case
from valoa.sitemaps import SiteSitemap, register_page, register_section


class CaseSitemap(SiteSitemap):
    def items(self):
        fields = ("slug", "updated_at", "published_at")
        return Case.objects.published().prefetch_related(None).only(*fields)

    def lastmod(self, case):
        # Scheduled: it appears, on the page and in lists, at its publishing time.
        return max(case.updated_at, case.published_at)


def latest_change():
    return Case.objects.published().aggregate(latest=Max(Greatest("updated_at", "published_at")))[
        "latest"
    ]


register_section("innostu", CaseSitemap)
register_page("cases:list", latest_change)
register_page("cases:submit")
