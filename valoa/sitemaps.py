"""sitemap.xml: every published page with the time it last changed. Apps register their
sections and list pages in their AppConfig.ready(); `valoa` never imports them."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse

from valoa.models import Theme
from valoa.page_cache import cached_for_readers


class SiteSitemap(Sitemap):
    """Addresses under settings.SITE_URL (whatever host a request came to), in every language."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path


@dataclass(frozen=True)
class Page:
    """A page that is not a document: a list or a static page. `lastmod` may query."""

    url_name: str
    lastmod: Callable[[], datetime | None] | None = None


# Pages that need nothing from an app; the home page changes when any listed page does.
STATIC_PAGES = [
    Page(name) for name in ["workbook:start", "themes", "about", "privacy", "accessibility"]
]
_pages: list[Page] = []
_sections: dict[str, type[Sitemap]] = {}


def register_page(url_name: str, lastmod: Callable[[], datetime | None] | None = None) -> None:
    if url_name not in {page.url_name for page in _pages}:
        _pages.append(Page(url_name, lastmod))


def register_section(name: str, sitemap: type[Sitemap]) -> None:
    _sections.setdefault(name, sitemap)


class PagesSitemap(SiteSitemap):
    @cached_property
    def _lastmods(self) -> dict[str, datetime | None]:
        lastmods = {page.url_name: page.lastmod() if page.lastmod else None for page in _pages}
        known = [lastmod for lastmod in lastmods.values() if lastmod]
        return {"home": max(known, default=None), **lastmods}

    def items(self) -> list[str]:
        return ["home", *(page.url_name for page in _pages + STATIC_PAGES)]

    def location(self, url_name: str) -> str:
        return reverse(url_name)

    def lastmod(self, url_name: str) -> datetime | None:
        return self._lastmods.get(url_name)


class ThemesSitemap(SiteSitemap):
    def items(self):
        return Theme.objects.all()


def sitemaps() -> dict[str, type[Sitemap]]:
    return {"sivut": PagesSitemap, "teemat": ThemesSitemap, **_sections}


@cached_for_readers()
def sitemap_xml(request):
    return sitemap_views.sitemap(request, sitemaps=sitemaps())
