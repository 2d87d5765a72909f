from django.urls import path

from insights import views
from insights.feeds import ArticleFeed
from valoa.content.feeds import feed_paths

app_name = "insights"
urlpatterns = [
    path("", views.article_list, name="list"),
    # Two segments: never taken for an article's <slug>.
    *feed_paths(ArticleFeed),
    path("esikatselu/<int:pk>/", views.article_preview, name="preview"),
    path("<slug:slug>/", views.article_detail, name="article"),
]
