from django.urls import path

from stories import views

# Under /innostu/kerro/ (valoa/urls.py), before the cases' <slug>: "kerro" is not a case.
app_name = "stories"
urlpatterns = [
    path("", views.submit, name="submit"),
    path("kiitos/", views.thanks, name="thanks"),
    path("tila/<str:token>/", views.status, name="status"),
    path("tila/<str:token>/peru/", views.withdraw, name="withdraw"),
    path("tila/<str:token>/poista/", views.request_erasure, name="erasure"),
    path("tila/<str:token>/muokkaa/", views.edit, name="edit"),
]
