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
    path("<slug:slug>/", views.case_detail, name="detail"),
]
