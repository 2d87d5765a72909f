from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from insights.views import author_detail
from valoa import views
from valoa.content import feeds, sitemaps
from valoa.search import views as search_views
from valoa.web import views as web_views

# Pages for readers: Finnish without a prefix, Swedish under /sv/ and English under /en/.
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path("oivallukset/", include("insights.urls")),
    # The story form's addresses come before the cases' <slug>: "kerro" is not a case.
    path("innostu/kerro/", include("stories.urls")),
    path("innostu/", include("cases.urls")),
    path("tyokirja/", include("workbook.urls")),
    path("tietoa/", views.about, name="about"),
    path("kirjoittajat/<slug:slug>/", author_detail, name="author"),
    path("tietosuoja/", views.privacy, name="privacy"),
    path("saavutettavuus/", views.accessibility, name="accessibility"),
    path("palaute/", include("feedback.urls")),
    path("haku/", search_views.search, name="search"),
    path("tilaa/", include("subscriptions.urls")),
    path("teemat/", views.theme_list, name="themes"),
    path("teemat/<slug:slug>/", views.theme_detail, name="theme"),
    *feeds.feed_paths(feeds.ThemeFeed, "teemat/<slug:slug>/syote/", name="theme_feed"),
    prefix_default_language=False,
)

urlpatterns += [
    path("healthz", web_views.healthz, name="healthz"),
    path(".well-known/security.txt", web_views.security_txt, name="security_txt"),
    path("sitemap.xml", sitemaps.sitemap_xml, name="sitemap"),
    path("robots.txt", web_views.robots_txt, name="robots_txt"),
    # Mails sent to editors before stories had an app of their own link to these addresses.
    path(
        f"{settings.ADMIN_PATH}cases/submission/<path:rest>",
        RedirectView.as_view(
            url=f"/{settings.ADMIN_PATH}stories/submission/%(rest)s",
            permanent=True,
            query_string=True,
        ),
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
]

if settings.DEBUG:
    # Case images during development. In production the web server serves MEDIA_ROOT at
    # MEDIA_URL; contributors' attachments live in PRIVATE_MEDIA_ROOT and are never served.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
