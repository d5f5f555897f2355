from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from matchmaker import admin_pages, views
from profiles.forms import AdminLoginForm
from profiles.views import account

admin.site.site_header = "Matchmaker directory"
admin.site.site_title = "Matchmaker admin"
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("", views.home, name="home"),
    path("how-matching-works/", views.how_matching_works, name="how_matching_works"),
    path("privacy/", views.privacy, name="privacy"),
    path("", include("questionnaire.urls")),
    path("", include("profiles.urls")),
    # Before Django's own views, which they replace: logins taking the email address in any case, limited
    # per address; password reset emails limited per address and per account; a new password lifts a lockout.
    path("accounts/login/", account.login, name="login"),
    path("accounts/password_reset/", account.password_reset, name="password_reset"),
    path("accounts/reset/<uidb64>/<token>/", account.new_password_set, name="password_reset_confirm"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/login/", account.admin_login),
    # A curation page of the project's own, at the address it always had beside the therapist list.
    path("admin/profiles/therapist/coverage/", admin.site.admin_view(admin_pages.coverage_page), name="coverage"),
    path("admin/alliance/evidence/", admin.site.admin_view(admin_pages.evidence_page), name="evidence"),
    path("admin/alliance/evidence/check-ins.csv", admin.site.admin_view(admin_pages.evidence_csv), name="evidence_csv"),
    path("admin/alliance/replies/", admin.site.admin_view(admin_pages.replies_page), name="replies"),
    path(
        "admin/alliance/replies/per-therapist.csv",
        admin.site.admin_view(admin_pages.replies_therapists_csv),
        name="replies_therapists_csv",
    ),
    path(
        "admin/alliance/replies/per-state.csv",
        admin.site.admin_view(admin_pages.replies_states_csv),
        name="replies_states_csv",
    ),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on every page, the admin's included. Not permanent: the file's
    # name carries its hash in production and changes with it.
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", RedirectView.as_view(url=lazy(static_url, str)("favicon.svg"), permanent=False)),
]

# Uploaded photos, served by Django in development only (static() adds nothing unless DEBUG).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
