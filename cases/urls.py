from django.urls import path

from cases import views
from cases.feeds import CaseAtomFeed, CaseFeed
from valoa.page_cache import cached_for_readers

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    # Two segments: never taken for a case's <slug>.
    path("syote/rss/", cached_for_readers()(CaseFeed()), name="feed_rss"),
    path("syote/atom/", cached_for_readers()(CaseAtomFeed()), name="feed_atom"),
    # The form's addresses come before <slug>: "kerro" is not a case.
    path("kerro/", views.submit, name="submit"),
    path("kerro/kiitos/", views.thanks, name="thanks"),
    path("kerro/tila/<str:token>/", views.status, name="status"),
    path("kerro/tila/<str:token>/peru/", views.withdraw, name="withdraw"),
    path("kerro/tila/<str:token>/poista/", views.request_erasure, name="erasure"),
    path("kerro/tila/<str:token>/muokkaa/", views.edit, name="edit"),
    path("esikatselu/<int:pk>/", views.case_preview, name="preview"),
    path("<slug:slug>/", views.case_detail, name="detail"),
]
