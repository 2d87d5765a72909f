from django.urls import path

from subscriptions import views

app_name = "subscriptions"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("lahetetty/", views.sent, name="sent"),
    path("vahvista/<str:token>/", views.confirm, name="confirm"),
    path("peru/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
