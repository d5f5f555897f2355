"""The profile editor in steps, the preview as a client sees it, and submitting for verification."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from matchmaker.matching.search_table import listing_sync
from profiles.forms import AboutForm, PracticeForm, StyleForm
from profiles.models import Therapist
from profiles.services import therapist_submit, therapist_update_license
from profiles.views import own_therapist


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[forms.ModelForm]
    template: str


STEPS: tuple[Step, ...] = (
    Step("about", "About you and your license", AboutForm, "profiles/edit_about.html"),
    Step("practice", "Practice details", PracticeForm, "profiles/edit_practice.html"),
    Step("style", "How you work", StyleForm, "profiles/edit_style.html"),
)
PREVIEW_TITLE = "Preview and submit"


def step_named(slug: str) -> Step:
    for step in STEPS:
        if step.slug == slug:
            return step
    raise Http404("There is no such step.")


def after(step: Step, therapist: Therapist) -> str:
    """Where "Save and continue" leads: the next step, or the preview after the last one."""
    index = STEPS.index(step)
    if index + 1 < len(STEPS):
        return reverse("profiles:edit_step", args=[therapist.pk, STEPS[index + 1].slug])
    return reverse("profiles:preview", args=[therapist.pk])


@login_required
@require_GET
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    therapist = own_therapist(request, pk)
    return redirect("profiles:edit_step", pk=therapist.pk, step=STEPS[0].slug)


@login_required
@require_http_methods(["GET", "POST"])
def edit_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    therapist = own_therapist(request, pk)
    current = step_named(step)
    if request.method == "POST":
        form = current.form_class(request.POST, request.FILES, instance=therapist)
    else:
        form = current.form_class(instance=therapist)
    if form.is_valid():
        if isinstance(form, AboutForm):
            sent_back = save_about(form, therapist)
            if sent_back:
                messages.warning(
                    request,
                    "Your name, credentials or license details changed, so your profile is back with our team "
                    "for verification. "
                    "Clients will see it again as soon as it is verified.",
                )
        else:
            form.save()
            listing_sync(therapist_ids=[therapist.pk])
        messages.success(request, "Your profile is saved.")
        return redirect(after(current, therapist))
    context = {
        "form": form,
        "therapist": therapist,
        "steps": STEPS,
        "current": current,
        "number": STEPS.index(current) + 1,
        "preview_title": PREVIEW_TITLE,
    }
    return render(request, current.template, context, status=400 if form.errors else 200)


def save_about(form: AboutForm, therapist: Therapist) -> bool:
    """Save step 1; True when a changed name, credentials or license sent a published profile back for verification.

    A replaced or removed photo's file is deleted: nothing else points to it, and keeping
    pictures of people who took them down would be keeping what the product doesn't need.
    """
    # Read from the database: validating the form already put the new photo on the instance.
    old_photo = Therapist.objects.values_list("photo", flat=True).get(pk=therapist.pk)
    with transaction.atomic():
        # Before the form saves, so that the stored name and credentials are still the ones our team checked.
        sent_back = therapist_update_license(
            therapist=therapist,
            license_number=form.cleaned_data["license_number"],
            states=form.cleaned_data["licensed_states"],
        )
        form.save()
        listing_sync(therapist_ids=[therapist.pk])
        if old_photo and old_photo != therapist.photo.name:
            storage = therapist.photo.storage
            # Only once the new row is saved, so a failed save never leaves the profile pointing to nothing.
            transaction.on_commit(lambda: storage.delete(old_photo))
    return sent_back


@login_required
@require_GET
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    therapist = own_therapist(request, pk)
    context = {
        "therapist": therapist,
        "preview": True,
        "missing": therapist.missing_for_submission(),
        "steps": STEPS,
        "current": None,
        "preview_title": PREVIEW_TITLE,
    }
    return render(request, "profiles/preview.html", context)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    therapist = own_therapist(request, pk)
    try:
        therapist_submit(therapist=therapist)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("profiles:preview", pk=therapist.pk)
    messages.success(
        request,
        "Thank you. Your profile is with our team for verification. We check your license "
        "and let you know by email when clients can see it.",
    )
    return redirect("profiles:dashboard")
