from __future__ import annotations

from django.urls import path

from questionnaire import views

app_name = "questionnaire"

urlpatterns = [
    path("start/", views.start, name="start"),
    path("c/<str:token>/", views.results, name="results"),
    path("c/<str:token>/answers/", views.edit, name="edit"),
    path("c/<str:token>/therapists/<int:pk>/", views.therapist_for_client, name="therapist_for_client"),
    path("therapists/<int:pk>/", views.therapist, name="therapist"),
]
