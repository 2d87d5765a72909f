"""sitemap.xml: every published page with the time it last changed. Apps declare their
sections (`sitemaps`) and pages (`sitemap_pages`) in their AppConfig; `valoa` never imports them."""

from datetime import datetime
from functools import cached_property
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Greatest
from django.urls import reverse

from valoa.apps import contributed
from valoa.models import Theme
from valoa.web.page_cache import cached_for_readers

# When a published document last changed for readers: edited, or appeared at its publishing time.
LAST_CHANGE = Greatest("updated_at", "published_at")
# The site's own pages, after the apps' pages; the home page changes when any listed page does.
OWN_PAGES = ["about", "privacy", "accessibility"]


class SiteSitemap(Sitemap):
    """Addresses under settings.SITE_URL (whatever host a request came to), in every language."""

    i18n = True
    alternates = True
    x_default = True
    section = ""  # its name in sitemap.xml's index
    list_url_name = ""  # the page that lists its items, if any

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path

    @classmethod
    def latest_change(cls) -> datetime | None:
        return None


class PublishedContentSitemap(SiteSitemap):
    """The published documents of a `valoa.content.models.PublishedContent` model; its list
    page changed when the newest of them did."""

    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at", "published_at")

    def lastmod(self, document) -> datetime:
        # Scheduled: it appears, on the page and in lists, at its publishing time.
        return max(document.updated_at, document.published_at)

    @classmethod
    def latest_change(cls) -> datetime | None:
        return cls.model.objects.published().aggregate(latest=Max(LAST_CHANGE))["latest"]


class ThemeSitemap(SiteSitemap):
    """The six elements' pages; the overview lists them."""

    section = "teemat"
    list_url_name = "themes"

    def items(self):
        return Theme.objects.all()


def _pages() -> dict[str, type[SiteSitemap] | None]:
    """URL name → the section whose latest change is the page's, in the order shown."""
    lists = {section.list_url_name: section for section in contributed("sitemaps")}
    declared = [
        name for config in apps.get_app_configs() for name in getattr(config, "sitemap_pages", ())
    ]
    return {name: lists.get(name) for name in [*lists, *declared, *OWN_PAGES] if name}


class PagesSitemap(SiteSitemap):
    @cached_property
    def _lastmods(self) -> dict[str, datetime | None]:
        lastmods = {name: section and section.latest_change() for name, section in _pages().items()}
        known = [lastmod for lastmod in lastmods.values() if lastmod]
        return {"home": max(known, default=None), **lastmods}

    def items(self) -> list[str]:
        return list(self._lastmods)

    def location(self, url_name: str) -> str:
        return reverse(url_name)

    def lastmod(self, url_name: str) -> datetime | None:
        return self._lastmods.get(url_name)


def sitemaps() -> dict[str, type[Sitemap]]:
    return {
        "sivut": PagesSitemap,
        **{section.section: section for section in contributed("sitemaps")},
    }


@cached_for_readers()
def sitemap_xml(request):
    return sitemap_views.sitemap(request, sitemaps=sitemaps())
