from django.urls import path

from cases import views
from cases.feeds import CaseFeed
from valoa.content.feeds import feed_paths

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    # Two segments: never taken for a case's <slug>.
    *feed_paths(CaseFeed),
    path("esikatselu/<int:pk>/", views.case_preview, name="preview"),
    path("<slug:slug>/", views.case_detail, name="detail"),
]
