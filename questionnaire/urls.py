from __future__ import annotations

from django.urls import path

from questionnaire.views import results

app_name = "questionnaire"

# Everything under c/<token>/ belongs to one client's private link.
urlpatterns = [
    # The questionnaire
    path("start/", results.start, name="start"),
    path("c/<str:token>/answers/", results.edit, name="edit"),
    # Results and profiles
    path("c/<str:token>/", results.results, name="results"),
    path("c/<str:token>/therapists/<int:pk>/", results.therapist_for_client, name="therapist_for_client"),
    path("therapists/<int:pk>/", results.therapist, name="therapist"),
    # Shortlist and compare
    # Reaching out and checking in
    # Privacy
]
