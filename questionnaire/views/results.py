from __future__ import annotations

import copy
import functools
from collections.abc import Callable

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from matchmaker import aggregates
from matchmaker.alliance.experienced import experienced_style
from profiles.curation import may_preview_unpublished
from profiles.models import Therapist
from questionnaire.forms import RefineForm
from questionnaire.models import Client, hash_token
from questionnaire.results_body import results_body
from questionnaire.your_line import your_line


def client_for(token: str) -> Client:
    """The client behind a private link, noted as seen today (that keeps their answers from retention)."""
    try:
        client = Client.objects.get_by_token(token)
    except Client.DoesNotExist:
        raise Http404("No answers are saved under this link.") from None
    client.seen()
    return client


def locks_the_client(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A POST behind a private link runs in one transaction that first locks the client's row.

    So a write racing "delete everything" either finishes before the deletion starts (and is
    deleted with the rest) or waits for it and then finds the link gone (404). Reads are left alone.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, token: str, *args: object, **kwargs: object) -> HttpResponse:
        if request.method != "POST":
            return view(request, token, *args, **kwargs)
        with transaction.atomic():
            if not Client.objects.select_for_update().filter(token_hash=hash_token(token)).exists():
                raise Http404("No answers are saved under this link.")
            return view(request, token, *args, **kwargs)

    return wrapper


def results(request: HttpRequest, token: str) -> HttpResponse:
    """The ranked matches. The refine form has its own page; it is here only when nobody is left to show.

    Below the client's own line, the page is kept a few minutes once rendered (questionnaire.results_body).
    """
    client = client_for(token)
    line = your_line(client)
    body = results_body(client, token, request.GET.get("page", 1), line.shortlisted_ids)
    context = {"client": client, "token": token, "your_line": line, "body": body}
    if not body.has_matches:
        context["refine_form"] = RefineForm(instance=client)
    return render(request, "questionnaire/results.html", context)


@require_http_methods(["GET", "POST"])
@locks_the_client
def refine(request: HttpRequest, token: str) -> HttpResponse:
    """Change a filter or an importance without retaking the questionnaire: its own page, linked from the results."""
    client = client_for(token)
    if request.method != "POST":
        return render_refine(request, client, token, RefineForm(instance=client))
    # The form gets its own copy: an invalid submission must not change anything saved.
    form = RefineForm(request.POST, instance=copy.copy(client))
    if form.is_valid():
        form.save()
        messages.success(request, "Your matches are updated.")
        return redirect("questionnaire:results", token=token)
    return render_refine(request, client, token, form, status=400)


def render_refine(
    request: HttpRequest, client: Client, token: str, refine_form: RefineForm, *, status: int = 200
) -> HttpResponse:
    context = {"client": client, "token": token, "refine_form": refine_form}
    return render(request, "questionnaire/refine.html", context, status=status)


def therapist_description(therapist: Therapist) -> str:
    """The public profile in one sentence for search results: who, where, and what the page tells."""
    who = ", ".join(part for part in (therapist.name, therapist.credentials) if part)
    where = f" in {therapist.city}" if therapist.city else ""
    return f"{who}{where}: how they work with clients, what a session costs, and whether they are taking new clients."


def therapist(request: HttpRequest, pk: int) -> HttpResponse:
    """A published therapist's public profile.

    Staff who verify therapists also see one that is not published, exactly as clients will, under a
    banner saying so; everyone else gets the same 404 as for an id that does not exist. That preview is
    kept out of every cache and search index, though the public page may be cached.
    """
    staff = may_preview_unpublished(request.user)
    therapist = get_object_or_404(Therapist.objects.all() if staff else Therapist.objects.published(), pk=pk)
    staff_preview = not therapist.is_published
    context = {
        "therapist": therapist,
        "experienced": experienced_style(therapist),
        "experienced_min_clients": aggregates.MIN_CLIENTS,
        "reply_speed": therapist.reply_speed(),
        "staff_preview": staff_preview,
        "meta_description": therapist_description(therapist),
    }
    response = render(request, "questionnaire/therapist.html", context)
    if staff_preview:
        patch_cache_control(response, no_store=True, private=True)
        response.headers["X-Robots-Tag"] = "noindex"
    return response
