from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from insights.views import author_detail
from valoa import feeds, sitemaps, views
from valoa.page_cache import cached_for_readers
from valoa.search import views as search_views

# Pages for readers: Finnish without a prefix, Swedish under /sv/ and English under /en/.
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path("oivallukset/", include("insights.urls")),
    path("innostu/", include("cases.urls")),
    path("tyokirja/", include("workbook.urls")),
    path("kirjoittajat/<slug:slug>/", author_detail, name="author"),
    path("tietosuoja/", views.privacy, name="privacy"),
    path("saavutettavuus/", views.accessibility, name="accessibility"),
    path("haku/", search_views.search, name="search"),
    path(
        "teemat/<slug:slug>/syote/rss/",
        cached_for_readers()(feeds.ThemeFeed()),
        name="theme_feed_rss",
    ),
    path(
        "teemat/<slug:slug>/syote/atom/",
        cached_for_readers()(feeds.ThemeAtomFeed()),
        name="theme_feed_atom",
    ),
    prefix_default_language=False,
)

urlpatterns += [
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("sitemap.xml", sitemaps.sitemap_xml, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(settings.ADMIN_PATH, admin.site.urls),
]

if settings.DEBUG:
    # Case images during development. In production the web server serves MEDIA_ROOT at
    # MEDIA_URL; contributors' attachments live in PRIVATE_MEDIA_ROOT and are never served.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
