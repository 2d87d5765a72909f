from django.urls import path

from insights import views

app_name = "insights"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("<slug:slug>/", views.article_detail, name="article"),
]
