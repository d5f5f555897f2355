"""Saving therapists to a shortlist, comparing them, and setting some aside."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from matchmaker.dimensions import DIMENSIONS
from matchmaker.matching.explaining import tracks_for
from matchmaker.matching.find import make_match
from matchmaker.scoring import fit_score
from profiles.models import Therapist
from questionnaire.models import Client, ShortlistEntry
from questionnaire.shortlist import (
    Added,
    CompareForm,
    ReturnForm,
    set_aside_add,
    set_aside_remove,
    shortlist_add,
    shortlist_remove,
)
from questionnaire.views.profile import published_therapist
from questionnaire.views.results import client_for, locks_the_client
from questionnaire.your_page import with_requests, your_page_context


def known_therapist(client: Client, pk: int) -> Therapist:
    """A therapist this client may act on: anyone published, or someone they wrote to who has since left."""
    known = Therapist.objects.filter(Q(status=Therapist.Status.PUBLISHED) | Q(requests__client=client)).distinct()
    return get_object_or_404(known, pk=pk)


def render_shortlist(request: HttpRequest, client: Client, token: str, form: CompareForm) -> HttpResponse:
    entries = with_requests(client, list(client.shortlist.select_related("therapist")))
    context = {
        "client": client,
        "token": token,
        "entries": entries,
        "form": form,
        "limit": ShortlistEntry.MAX_PER_CLIENT,
        "published_count": sum(entry.therapist.is_published for entry in entries),
    }
    context |= your_page_context(client)  # the full "your page" box; the results page says it in one line
    return render(request, "questionnaire/shortlist.html", context, status=400 if form.errors else 200)


@require_GET
def shortlist(request: HttpRequest, token: str) -> HttpResponse:
    client = client_for(token)
    return render_shortlist(request, client, token, CompareForm(client=client))


def asks_for_json(request: HttpRequest) -> bool:
    """A script saving in place (static/js/shortlist.js) asks for a small JSON answer instead of a page."""
    return "application/json" in request.headers.get("Accept", "") or "X-Requested-With" in request.headers


def shortlist_answer(
    request: HttpRequest, client: Client, destination: str, *, saved: bool, text: str, level: int = messages.SUCCESS
) -> HttpResponse:
    """Back to the page (and card) the button was on, saying what happened; or, asked by a script, the same in JSON."""
    if asks_for_json(request):
        return JsonResponse({"saved": saved, "message": text, "count": client.shortlist.count()})
    messages.add_message(request, level, text)
    return redirect(destination)


@require_POST
@locks_the_client
def add(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    therapist = published_therapist(pk)
    back = ReturnForm(request.POST, token=token)
    outcome = shortlist_add(client=client, therapist=therapist)
    if outcome is Added.SAVED:
        text = f"{therapist.name} is on your shortlist."
    elif outcome is Added.ALREADY:
        text = f"{therapist.name} was already on your shortlist."
    else:
        text = (
            f"Your shortlist already holds {ShortlistEntry.MAX_PER_CLIENT} therapists, as many as it keeps. "
            f"To save {therapist.name}, remove someone first; it is fine to let people go."
        )
    level = messages.SUCCESS if outcome is Added.SAVED else messages.INFO
    destination = back.destination(therapist_pk=pk)
    return shortlist_answer(request, client, destination, saved=outcome is not Added.FULL, text=text, level=level)


@require_POST
@locks_the_client
def remove(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    therapist = get_object_or_404(Therapist, pk=pk, pk__in=client.shortlist.values("therapist"))
    back = ReturnForm(request.POST, token=token)
    shortlist_remove(client=client, therapist=therapist)
    destination = back.destination(therapist_pk=pk)
    return shortlist_answer(request, client, destination, saved=False, text=f"{therapist.name} is off your shortlist.")


@require_GET
def compare(request: HttpRequest, token: str) -> HttpResponse:
    client = client_for(token)
    form = CompareForm(request.GET, client=client)
    if not form.is_valid():
        return render_shortlist(request, client, token, form)
    preferences = client.preferences()
    therapists = Therapist.objects.filter(pk__in=[t.pk for t in form.cleaned_data["therapist"]]).prefetch_related(
        "licensed_states", "languages", "insurance_plans", "concerns", "modalities"
    )
    matches = [make_match(t, fit_score(preferences, t.style()), preferences) for t in therapists]
    matches.sort(key=lambda match: (-match.fit, match.therapist.pk))
    # One row per dimension, one cell per therapist, so the table reads across.
    tracks = [tracks_for(match.therapist, preferences) for match in matches]
    style_rows = list(zip(DIMENSIONS, zip(*tracks, strict=True), strict=True))
    columns = list(zip(matches, tracks, strict=True))  # the same, one card per therapist, for a phone
    context = {"client": client, "token": token, "matches": matches, "style_rows": style_rows, "columns": columns}
    return render(request, "questionnaire/compare.html", context)


@require_POST
@locks_the_client
def set_aside(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    therapist = known_therapist(client, pk)
    back = ReturnForm(request.POST, token=token)
    set_aside_add(client=client, therapist=therapist)
    messages.success(
        request, f"{therapist.name} is set aside and will not appear in your matches. You can bring them back any time."
    )
    return redirect(back.destination())


@require_POST
@locks_the_client
def bring_back(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    therapist = get_object_or_404(Therapist, pk=pk, pk__in=client.set_aside.values("therapist"))
    back = ReturnForm(request.POST, token=token)
    set_aside_remove(client=client, therapist=therapist)
    messages.success(request, f"{therapist.name} is back in your matches.")
    return redirect(back.destination())
