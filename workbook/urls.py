from django.urls import path

from workbook import views

app_name = "workbook"
urlpatterns = [
    path("", views.start, name="start"),
    path("jatka/", views.continue_with_link, name="continue"),
    # Fixed addresses come before <token>: none of them could be a token.
    path("ohje/", views.guide, name="guide"),
    path("ohje/tyokirja-paperilla/", views.blank_workbook, name="blank"),
    path("osallistu/<str:token>/", views.participate, name="participate"),
    path("vastaukseni/<str:token>/", views.participant, name="participant"),
    path("vastaukseni/<str:token>/muuta/", views.participant_edit, name="participant_edit"),
    path("<str:token>/", views.overview, name="overview"),
    path("<str:token>/missa-olemme/", views.assessment, name="assessment"),
    path("<str:token>/mika-on-tarkeaa/", views.reflection, name="reflection"),
    path("<str:token>/kokeilu/", views.experiment, name="experiment"),
    path("<str:token>/yhteenveto/", views.summary, name="summary"),
    path("<str:token>/tulosta/", views.print_view, name="print"),
    path("<str:token>/tulokset.csv", views.results_csv, name="csv"),
    path("<str:token>/katsotaan-taaksepain.ics", views.look_back_calendar, name="calendar"),
    path("<str:token>/uusi-kierros/", views.new_round, name="new_round"),
    path("<str:token>/paata-kierros/", views.close_round, name="close_round"),
]
