from __future__ import annotations

from django.urls import path

from profiles import views

app_name = "profiles"

urlpatterns = [
    path("therapist/", views.dashboard, name="dashboard"),
    path("therapist/profiles/<int:pk>/edit/", views.edit, name="edit"),
]
