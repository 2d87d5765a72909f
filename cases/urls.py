from django.urls import path

from cases import views
from cases.feeds import CaseFeed
from valoa.content.feeds import feed_paths

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    # Two segments: never taken for a case's <slug>.
    *feed_paths(CaseFeed),
    # The form's addresses come before <slug>: "kerro" is not a case.
    path("kerro/", views.submit, name="submit"),
    path("kerro/kiitos/", views.thanks, name="thanks"),
    path("kerro/tila/<str:token>/", views.status, name="status"),
    path("kerro/tila/<str:token>/peru/", views.withdraw, name="withdraw"),
    path("kerro/tila/<str:token>/poista/", views.request_erasure, name="erasure"),
    path("kerro/tila/<str:token>/muokkaa/", views.edit, name="edit"),
    path("<slug:slug>/", views.case_detail, name="detail"),
]
