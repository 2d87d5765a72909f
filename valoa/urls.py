from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from valoa import views

urlpatterns = [
    path("", views.home, name="home"),
    path("oivallukset/", include("insights.urls")),
    path("innostu/", include("cases.urls")),
    path("tyokirja/", include("workbook.urls")),
    path("tietosuoja/", views.privacy, name="privacy"),
    path("saavutettavuus/", views.accessibility, name="accessibility"),
    path(settings.ADMIN_PATH, admin.site.urls),
]
