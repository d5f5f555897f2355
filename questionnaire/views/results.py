from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from matchmaker.scoring import fit_score
from profiles.models import Therapist
from questionnaire.forms import QuestionnaireForm
from questionnaire.matching import find_matches, make_match
from questionnaire.models import Client


def client_for(token: str) -> Client:
    try:
        return Client.objects.get_by_token(token)
    except Client.DoesNotExist:
        raise Http404("No answers are saved under this link.") from None


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    form = QuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client, token = Client.create_with_token(**form.cleaned_data)
        return redirect("questionnaire:results", token=token)
    return render(request, "questionnaire/start.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, token: str) -> HttpResponse:
    client = client_for(token)
    form = QuestionnaireForm(request.POST or None, instance=client)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("questionnaire:results", token=token)
    context = {"form": form, "token": token}
    return render(request, "questionnaire/edit.html", context, status=400 if form.errors else 200)


def results(request: HttpRequest, token: str) -> HttpResponse:
    client = client_for(token)
    found = find_matches(client, request.GET.get("page", 1))
    return render(request, "questionnaire/results.html", {"client": client, "token": token, "results": found})


def therapist(request: HttpRequest, pk: int) -> HttpResponse:
    """A published therapist's public profile."""
    therapist = get_object_or_404(Therapist.objects.published(), pk=pk)
    return render(request, "questionnaire/therapist.html", {"therapist": therapist})


def therapist_for_client(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """A published therapist's profile next to this client's answers."""
    client = client_for(token)
    therapist = get_object_or_404(Therapist.objects.published(), pk=pk)
    preferences = client.preferences()
    match = make_match(therapist, fit_score(preferences, therapist.style()), preferences)
    context = {"therapist": therapist, "client": client, "token": token, "match": match}
    return render(request, "questionnaire/therapist.html", context)
