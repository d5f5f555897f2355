"""A therapist's profile as one client sees it: next to their answers, with ways to act on it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from matchmaker import aggregates
from matchmaker.alliance.experienced import experienced_style
from matchmaker.matching.find import make_match
from matchmaker.scoring import fit_score
from profiles.models import Therapist
from questionnaire.models import Client, ShortlistEntry
from questionnaire.reaching_out import ConsultationRequestForm, can_be_notified
from questionnaire.views.results import client_for
from questionnaire.your_page import with_last_reply


def published_therapist(pk: int) -> Therapist:
    """A published therapist with everything their profile shows; 404 for any other id."""
    therapists = (
        Therapist.objects.published()
        .select_related("user")
        .prefetch_related("licensed_states", "languages", "insurance_plans", "concerns", "modalities")
    )
    return get_object_or_404(therapists, pk=pk)


def render_profile(
    request: HttpRequest, *, client: Client, token: str, therapist: Therapist, form: ConsultationRequestForm
) -> HttpResponse:
    """The profile page; the consultation view renders it again with a form that needs another look."""
    preferences = client.preferences()
    match = make_match(therapist, fit_score(preferences, therapist.style()), preferences)
    shortlisted = set(client.shortlist.values_list("therapist_id", flat=True))  # one query for both questions
    context = {
        "therapist": therapist,
        "client": client,
        "token": token,
        "match": match,
        "form": form,
        "on_shortlist": therapist.pk in shortlisted,
        "shortlist_is_full": len(shortlisted) >= ShortlistEntry.MAX_PER_CLIENT,
        "is_set_aside": client.set_aside.filter(therapist=therapist).exists(),
        "sent": list(with_last_reply(client.requests.filter(therapist=therapist))),
        "can_be_notified": can_be_notified(therapist),
        "experienced": experienced_style(therapist),
        "experienced_min_clients": aggregates.MIN_CLIENTS,
        "reply_speed": therapist.reply_speed(),
    }
    return render(request, "questionnaire/therapist.html", context, status=400 if form.errors else 200)


def therapist_for_client(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """A published therapist's profile next to this client's answers."""
    client = client_for(token)
    therapist = published_therapist(pk)
    return render_profile(
        request, client=client, token=token, therapist=therapist, form=ConsultationRequestForm(therapist=therapist)
    )
