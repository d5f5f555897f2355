"""A therapist's own account: the password, the address they log in with, and leaving Matchmaker for good."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods

from matchmaker.rate_limits import is_limited, too_many
from profiles.forms import DeleteAccountForm, EmailChangeForm, PasswordChangeForm
from profiles.services import (
    EMAIL_CHANGE_HOURS,
    EmailChange,
    email_change_asked,
    therapist_confirm_email_change,
    therapist_delete_account,
    therapist_request_email_change,
)
from profiles.views import own_profile

View = Callable[..., HttpResponse]


def therapist_only(view: View) -> View:
    """Log in first; then only an account with a therapist profile gets in (staff have the admin's pages)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        own_profile(request)
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def by_account(_group: str, request: HttpRequest) -> str:
    return str(request.user.pk)


@login_required
@require_GET
def account(request: HttpRequest) -> HttpResponse:
    therapist = own_profile(request)
    return render(request, "profiles/account/account.html", {"therapist": therapist})


password_change = therapist_only(
    auth_views.PasswordChangeView.as_view(
        form_class=PasswordChangeForm,
        template_name="profiles/account/password_change.html",
        success_url=reverse_lazy("profiles:password_change_done"),
    )
)
password_change_done = therapist_only(
    auth_views.PasswordChangeDoneView.as_view(template_name="profiles/account/password_change_done.html")
)


@login_required
@require_http_methods(["GET", "POST"])
def email_change(request: HttpRequest) -> HttpResponse:
    therapist = own_profile(request)
    form = EmailChangeForm(request.user, request.POST if request.method == "POST" else None)
    if form.is_valid():
        if is_limited(request, group="email-changes", key=by_account, setting="RATE_LIMIT_EMAIL_CHANGES"):
            return too_many(request, setting="RATE_LIMIT_EMAIL_CHANGES")
        new_email = form.cleaned_data["new_email"]
        therapist_request_email_change(
            therapist=therapist, new_email=new_email, site_url=request.build_absolute_uri("/")
        )
        # The same words whether or not the address has an account of its own.
        messages.success(
            request,
            f"We have sent a link to {new_email}. Open it within {EMAIL_CHANGE_HOURS} hours to start logging in "
            "with that address; until then nothing changes.",
        )
        return redirect("profiles:account")
    context = {"therapist": therapist, "form": form}
    return render(request, "profiles/account/email_change.html", context, status=400 if form.errors else 200)


def spoiled(request: HttpRequest) -> HttpResponse:
    return render(request, "profiles/account/email_link_spoiled.html", {"hours": EMAIL_CHANGE_HOURS}, status=400)


@require_http_methods(["GET", "POST"])
def confirm_email_change(request: HttpRequest, token: str) -> HttpResponse:
    """The link sent to the new address: it shows the address and a button, so that a mail scanner
    opening the link changes nothing. No login needed: the link was made for this one account."""
    new_email = email_change_asked(token=token)
    if new_email is None:
        return spoiled(request)
    if request.method == "GET":
        return render(request, "profiles/account/email_confirm.html", {"new_email": new_email})
    outcome = therapist_confirm_email_change(token=token)
    if outcome == EmailChange.CHANGED:
        return render(request, "profiles/account/email_changed.html", {"new_email": new_email})
    if outcome == EmailChange.TAKEN:
        return render(request, "profiles/account/email_not_changed.html", status=409)
    return spoiled(request)


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    therapist = own_profile(request)
    if request.user.is_staff:
        raise Http404("A staff account is closed by another member of staff, in the admin.")
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if form.is_valid():
        therapist_delete_account(therapist=therapist)
        logout(request)
        return redirect("profiles:account_deleted")
    context = {"therapist": therapist, "form": form, "request_count": therapist.requests.count()}
    return render(request, "profiles/account/delete.html", context, status=400 if form.errors else 200)


@require_GET
def account_deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "profiles/account/deleted.html")
