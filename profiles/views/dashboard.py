"""The therapist's dashboard: status, availability, consultation requests and check-in averages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from matchmaker import aggregates
from profiles.forms import AcceptingForm, RequestStatusForm
from profiles.models import AVAILABILITY_FRESH_DAYS, AVAILABILITY_REMINDER_DAYS, CHECK_IN_MIN_CLIENTS, Therapist
from profiles.services import therapist_confirm_availability, therapist_set_accepting
from profiles.views import own_therapist
from questionnaire.models import ConsultationRequest


def dashboard_context(
    therapist: Therapist | None,
    *,
    accepting_form: AcceptingForm | None = None,
    status_form: RequestStatusForm | None = None,
) -> dict[str, Any]:
    context: dict[str, Any] = {"therapist": therapist}
    if therapist is None:
        return context
    requests = list(therapist.requests.all())
    closed = ConsultationRequest.Status.CLOSED
    status_forms = {request.pk: RequestStatusForm(instance=request) for request in requests}
    if status_form is not None:
        # Show the refused change next to its own request, with its message.
        status_forms[status_form.instance.pk] = status_form
    context.update(
        {
            "missing": therapist.missing_for_submission(),
            "accepting_form": accepting_form or AcceptingForm(instance=therapist),
            "open_requests": [(request, status_forms[request.pk]) for request in requests if request.status != closed],
            "closed_requests": [
                (request, status_forms[request.pk]) for request in requests if request.status == closed
            ],
            "new_count": sum(1 for request in requests if request.status == ConsultationRequest.Status.NEW),
            "check_in_averages": therapist.check_in_averages(),
            "check_in_min_clients": CHECK_IN_MIN_CLIENTS,
            "check_in_batch": aggregates.BATCH,
            "fresh_days": AVAILABILITY_FRESH_DAYS,
            "reminder_days": AVAILABILITY_REMINDER_DAYS,
        }
    )
    return context


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    therapist = Therapist.objects.filter(user=request.user).first()
    return render(request, "profiles/dashboard.html", dashboard_context(therapist))


@login_required
@require_POST
def confirm_availability(request: HttpRequest, pk: int) -> HttpResponse:
    therapist = own_therapist(request, pk)
    therapist_confirm_availability(therapist=therapist)
    messages.success(request, "Thank you. Your availability is confirmed for another 45 days.")
    return redirect("profiles:dashboard")


@login_required
@require_POST
def set_accepting(request: HttpRequest, pk: int) -> HttpResponse:
    therapist = own_therapist(request, pk)
    form = AcceptingForm(request.POST, instance=therapist)
    if not form.is_valid():
        return render(request, "profiles/dashboard.html", dashboard_context(therapist, accepting_form=form), status=400)
    accepting = form.cleaned_data["accepting_new_clients"]
    therapist_set_accepting(therapist=therapist, accepting=accepting)
    if accepting:
        messages.success(request, "Saved: you are accepting new clients, and your availability is confirmed.")
    else:
        messages.success(
            request, "Saved: you are not taking new clients for now. Clients looking for someone new will not see you."
        )
    return redirect("profiles:dashboard")


@login_required
@require_POST
def request_status(request: HttpRequest, pk: int) -> HttpResponse:
    # Only requests sent to the logged-in therapist exist here; any other id is a 404.
    consultation = get_object_or_404(ConsultationRequest, pk=pk, therapist__user=request.user)
    form = RequestStatusForm(request.POST, instance=consultation)
    if not form.is_valid():
        context = dashboard_context(consultation.therapist, status_form=form)
        return render(request, "profiles/dashboard.html", context, status=400)
    form.save()
    messages.success(
        request, f"Request from {consultation.name} marked as {consultation.get_status_display().lower()}."
    )
    return redirect("profiles:dashboard")
