from django.urls import path

from feedback import views

app_name = "feedback"
urlpatterns = [
    path("", views.feedback_form, name="form"),
    path("kiitos/", views.thanks, name="thanks"),
]
