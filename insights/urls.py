from django.urls import path

from insights import views
from insights.feeds import ArticleAtomFeed, ArticleFeed
from valoa.page_cache import cached_for_readers

app_name = "insights"
urlpatterns = [
    path("", views.article_list, name="list"),
    # Two segments: never taken for an article's <slug>.
    path("syote/rss/", cached_for_readers()(ArticleFeed()), name="feed_rss"),
    path("syote/atom/", cached_for_readers()(ArticleAtomFeed()), name="feed_atom"),
    path("esikatselu/<int:pk>/", views.article_preview, name="preview"),
    path("<slug:slug>/", views.article_detail, name="article"),
]
