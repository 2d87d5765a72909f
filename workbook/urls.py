from django.urls import path

from workbook import views

app_name = "workbook"
urlpatterns = [
    path("", views.start, name="start"),
    path("jatka/", views.continue_with_link, name="continue"),
    path("osallistu/<str:token>/", views.participate, name="participate"),
    path("vastaukseni/<str:token>/", views.participant, name="participant"),
    path("vastaukseni/<str:token>/muuta/", views.participant_edit, name="participant_edit"),
    path("<str:token>/", views.overview, name="overview"),
    path("<str:token>/missa-olemme/", views.assessment, name="assessment"),
    path("<str:token>/mika-on-tarkeaa/", views.reflection, name="reflection"),
    path("<str:token>/kokeilu/", views.experiment, name="experiment"),
    path("<str:token>/yhteenveto/", views.summary, name="summary"),
    path("<str:token>/uusi-kierros/", views.new_round, name="new_round"),
]
