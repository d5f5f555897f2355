"""Signing up. Logging in, out and resetting a password are Django's own views (see /accounts/)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from profiles.forms import SignUpForm
from profiles.services import therapist_sign_up

# Two backends are configured (axes and Django's); a new account logs in through Django's.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("profiles:dashboard")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        therapist = therapist_sign_up(
            name=form.cleaned_data["name"], email=form.cleaned_data["email"], password=form.cleaned_data["password1"]
        )
        login(request, therapist.user, backend=MODEL_BACKEND)
        messages.success(request, "Welcome. Your account is ready; now tell clients about yourself and how you work.")
        return redirect("profiles:edit", pk=therapist.pk)
    return render(request, "profiles/sign_up.html", {"form": form}, status=400 if form.errors else 200)
