from __future__ import annotations

import copy

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from matchmaker.matching.find import find_matches
from profiles.models import Therapist
from questionnaire.forms import RefineForm
from questionnaire.models import Client
from questionnaire.your_page import your_page_context


def client_for(token: str) -> Client:
    try:
        return Client.objects.get_by_token(token)
    except Client.DoesNotExist:
        raise Http404("No answers are saved under this link.") from None


def render_results(
    request: HttpRequest, client: Client, token: str, refine_form: RefineForm, *, status: int = 200
) -> HttpResponse:
    found = find_matches(client, request.GET.get("page", 1))
    context = {"client": client, "token": token, "results": found, "refine_form": refine_form}
    context |= your_page_context(client)
    return render(request, "questionnaire/results.html", context, status=status)


def results(request: HttpRequest, token: str) -> HttpResponse:
    client = client_for(token)
    return render_results(request, client, token, RefineForm(instance=client))


@require_POST
def refine(request: HttpRequest, token: str) -> HttpResponse:
    """Change a filter or an importance on the results page, without retaking the questionnaire."""
    client = client_for(token)
    # The form gets its own copy: an invalid submission must not change the results shown beside it.
    form = RefineForm(request.POST, instance=copy.copy(client))
    if form.is_valid():
        form.save()
        messages.success(request, "Your matches are updated.")
        return redirect("questionnaire:results", token=token)
    return render_results(request, client, token, form, status=400)


def therapist(request: HttpRequest, pk: int) -> HttpResponse:
    """A published therapist's public profile."""
    therapist = get_object_or_404(Therapist.objects.published(), pk=pk)
    return render(request, "questionnaire/therapist.html", {"therapist": therapist})
