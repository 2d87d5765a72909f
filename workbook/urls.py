from django.urls import path

from workbook import views

app_name = "workbook"
urlpatterns = [path("", views.start, name="start")]
