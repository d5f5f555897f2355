"""The therapist's dashboard: status, availability, consultation requests and check-in averages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from matchmaker import aggregates
from matchmaker.alliance import replies
from matchmaker.alliance.experienced import experienced_style
from matchmaker.alliance.models import CheckIn, ConsultationRequest, Message
from profiles.forms import AcceptingForm
from profiles.models import AVAILABILITY_FRESH_DAYS, AVAILABILITY_REMINDER_DAYS, CHECK_IN_MIN_CLIENTS, Therapist
from profiles.services import therapist_confirm_availability, therapist_set_accepting
from profiles.views import own_therapist

REQUESTS_PER_PAGE = 20


def with_latest_message(requests: QuerySet[ConsultationRequest]) -> QuerySet[ConsultationRequest]:
    """Each request with who wrote last and when, so the list can say "they wrote again"."""
    latest = Message.objects.filter(request=OuterRef("pk")).order_by("-created_at", "-pk")
    return requests.annotate(
        last_sender=Subquery(latest.values("sender")[:1]), last_message_at=Subquery(latest.values("created_at")[:1])
    )


def dashboard_context(
    therapist: Therapist | None,
    *,
    accepting_form: AcceptingForm | None = None,
    page: object = 1,
    closed_page: object = 1,
) -> dict[str, Any]:
    context: dict[str, Any] = {"therapist": therapist}
    if therapist is None:
        return context
    closed = ConsultationRequest.Status.CLOSED
    requests = with_latest_message(therapist.requests.all())
    # Newest first, a page at a time: however many requests arrive, the dashboard stays small.
    open_page = Paginator(requests.exclude(status=closed), REQUESTS_PER_PAGE).get_page(page)
    closed_requests = Paginator(requests.filter(status=closed), REQUESTS_PER_PAGE).get_page(closed_page)
    context.update(
        {
            "missing": therapist.missing_for_submission(),
            "accepting_form": accepting_form or AcceptingForm(instance=therapist),
            "open_requests": list(open_page),
            "open_page": open_page,
            "closed_requests": list(closed_requests),
            "closed_page": closed_requests,
            "new_count": therapist.requests.filter(status=ConsultationRequest.Status.NEW).count(),
            "due_after_days": replies.DUE_AFTER.days,
            "pause_after": replies.PAUSE_AFTER,
            "unanswered_days": replies.UNANSWERED_FOR.days,
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
    was_paused = therapist.requests_paused_at is not None
    therapist_set_accepting(therapist=therapist, accepting=accepting)
    if accepting and was_paused:
        messages.success(request, "Welcome back: requests reach you again, and you are back in clients’ matches.")
    elif accepting:
        messages.success(request, "Saved: you are accepting new clients, and your availability is confirmed.")
    else:
        messages.success(
            request, "Saved: you are not taking new clients for now. Clients looking for someone new will not see you."
        )
    return redirect("profiles:dashboard")
