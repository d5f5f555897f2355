"""Signing up, and the limits and lockout relief around Django's own login and password reset views."""

from __future__ import annotations

from typing import Any

from axes.utils import reset as axes_reset
from django.contrib import admin, messages
from django.contrib.auth import login as log_in
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from matchmaker.rate_limits import by_address, limit_posts
from profiles.forms import LimitedPasswordResetForm, LoginForm, SignUpForm
from profiles.services import therapist_confirm_sign_up, therapist_sign_up

# Two backends are configured (axes and Django's); a new account logs in through Django's.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_http_methods(["GET", "POST"])
@limit_posts(group="sign-ups", key=by_address, setting="RATE_LIMIT_SIGN_UPS")
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("profiles:dashboard")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        therapist_sign_up(
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            site_url=request.build_absolute_uri("/").rstrip("/"),
        )
        # The same next step whether or not the address already had an account.
        return redirect("profiles:sign_up_sent")
    return render(request, "profiles/sign_up.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
def sign_up_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "profiles/sign_up_sent.html")


@require_GET
def confirm_sign_up(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = therapist_confirm_sign_up(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "profiles/sign_up_link_spoiled.html", status=400)
    log_in(request, user, backend=MODEL_BACKEND)
    messages.success(request, "Welcome. Your account is ready; now tell clients about yourself and how you work.")
    return redirect("profiles:edit", pk=user.therapist.pk)


def new_password_set(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Django's "choose a new password" page; a new password also lifts a lockout on the account."""
    return PasswordResetConfirmAfterLockout.as_view()(request, *args, **kwargs)


class PasswordResetConfirmAfterLockout(auth_views.PasswordResetConfirmView):
    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # Whoever could read the account's email chose this password: its failed logins no longer count.
        axes_reset(username=form.user.get_username())
        return response


by_address_posts = limit_posts(group="logins", key=by_address, setting="RATE_LIMIT_LOGINS")
login = by_address_posts(auth_views.LoginView.as_view(authentication_form=LoginForm))
admin_login = by_address_posts(admin.site.login)
password_reset = limit_posts(group="password-resets", key=by_address, setting="RATE_LIMIT_PASSWORD_RESETS")(
    auth_views.PasswordResetView.as_view(form_class=LimitedPasswordResetForm)
)
