from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from matchmaker import views

admin.site.site_header = "Matchmaker directory"
admin.site.site_title = "Matchmaker admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("how-matching-works/", views.how_matching_works, name="how_matching_works"),
    path("", include("questionnaire.urls")),
    path("", include("profiles.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
