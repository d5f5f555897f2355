"""Curation pages that read both sides of the directory: therapists' styles next to what clients ask for.

They live in the project package because the therapist side (profiles) never imports the client side.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from matchmaker import coverage, vocabulary
from profiles.models import AVAILABILITY_FRESH_DAYS, Therapist


class CoverageForm(forms.Form):
    state = forms.ChoiceField(label="State", choices=[("", "All states"), *vocabulary.US_STATES], required=False)


@require_GET
def coverage_page(request: HttpRequest) -> HttpResponse:
    # The same right as browsing the therapist list: the page shows nothing of one client.
    if not request.user.has_perm("profiles.view_therapist"):
        raise PermissionDenied
    form = CoverageForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_bound and form.is_valid() else ""
    context = {
        **admin.site.each_context(request),
        "title": "Coverage: therapists’ styles next to what clients ask for",
        "opts": Therapist._meta,
        "form": form,
        "coverage": coverage.build(state),
        "fresh_days": AVAILABILITY_FRESH_DAYS,
        "combination_importance": coverage.COMBINATION_IMPORTANCE,
        "thin_below": coverage.THIN_BELOW,
        "min_clients_shown": coverage.MIN_CLIENTS_SHOWN,
    }
    return TemplateResponse(request, "admin/profiles/therapist/coverage.html", context)
