"""The therapist's dashboard: status, availability, consultation requests and check-in averages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from matchmaker import aggregates
from matchmaker.alliance.experienced import experienced_style
from matchmaker.alliance.models import CheckIn, ConsultationRequest
from profiles.forms import AcceptingForm, RequestStatusForm
from profiles.models import AVAILABILITY_FRESH_DAYS, AVAILABILITY_REMINDER_DAYS, CHECK_IN_MIN_CLIENTS, Therapist
from profiles.services import therapist_confirm_availability, therapist_set_accepting
from profiles.views import own_therapist

REQUESTS_PER_PAGE = 20


def dashboard_context(
    therapist: Therapist | None,
    *,
    accepting_form: AcceptingForm | None = None,
    status_form: RequestStatusForm | None = None,
    page: object = 1,
    closed_page: object = 1,
) -> dict[str, Any]:
    context: dict[str, Any] = {"therapist": therapist}
    if therapist is None:
        return context
    closed = ConsultationRequest.Status.CLOSED
    # Newest first, a page at a time: however many requests arrive, the dashboard stays small.
    open_page = Paginator(therapist.requests.exclude(status=closed), REQUESTS_PER_PAGE).get_page(page)
    closed_requests = Paginator(therapist.requests.filter(status=closed), REQUESTS_PER_PAGE).get_page(closed_page)

    def with_forms(requests: Page[ConsultationRequest]) -> list[tuple[ConsultationRequest, RequestStatusForm]]:
        pairs = []
        for request in requests:
            # Show a refused change next to its own request, with its message.
            shown = status_form if status_form is not None and status_form.instance.pk == request.pk else None
            pairs.append((request, shown or RequestStatusForm(instance=request)))
        return pairs

    open_requests, closed_pairs = with_forms(open_page), with_forms(closed_requests)
    if status_form is not None and not any(request.pk == status_form.instance.pk for request, _ in open_requests):
        # A refused change to a request further down the list is shown first, so its message is seen.
        refused = ConsultationRequest.objects.get(pk=status_form.instance.pk)
        if refused.status == closed:
            closed_pairs = [(refused, status_form)] + [pair for pair in closed_pairs if pair[0].pk != refused.pk]
        else:
            open_requests = [(refused, status_form), *open_requests]
    context.update(
        {
            "missing": therapist.missing_for_submission(),
            "accepting_form": accepting_form or AcceptingForm(instance=therapist),
            "open_requests": open_requests,
            "open_page": open_page,
            "closed_requests": closed_pairs,
            "closed_page": closed_requests,
            "new_count": therapist.requests.filter(status=ConsultationRequest.Status.NEW).count(),
            "check_in_averages": therapist.check_in_averages(),
            "check_in_min_clients": CHECK_IN_MIN_CLIENTS,
            "check_in_batch": aggregates.BATCH,
            "check_in_max": CheckIn.SCALE_MAX,
            "experienced": experienced_style(therapist),
            "fresh_days": AVAILABILITY_FRESH_DAYS,
            "reminder_days": AVAILABILITY_REMINDER_DAYS,
        }
    )
    return context


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    therapist = Therapist.objects.filter(user=request.user).first()
    pages = {"page": request.GET.get("page", 1), "closed_page": request.GET.get("closed", 1)}
    return render(request, "profiles/dashboard.html", dashboard_context(therapist, **pages))


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
