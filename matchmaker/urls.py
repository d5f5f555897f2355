from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from matchmaker import views
from profiles.forms import LoginForm

admin.site.site_header = "Matchmaker directory"
admin.site.site_title = "Matchmaker admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("how-matching-works/", views.how_matching_works, name="how_matching_works"),
    path("", include("questionnaire.urls")),
    path("", include("profiles.urls")),
    # Before Django's own login view, which it replaces with one taking the email address in any case.
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on every page, the admin's included. Not permanent: the file's
    # name carries its hash in production and changes with it.
    path("favicon.ico", RedirectView.as_view(url=lazy(static_url, str)("favicon.svg"), permanent=False)),
]

# Uploaded photos, served by Django in development only (static() adds nothing unless DEBUG).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
