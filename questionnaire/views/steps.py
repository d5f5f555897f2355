"""The questionnaire in steps: start, each step under the private link, and the review.

Step 1 lives at /start/ until its first valid answer creates the client and their
private link; every later page lives under that link, so progress is saved after
each step and a closed tab loses nothing. Back is a submit button: it saves the
step's answers when they are valid, then goes back; if something needs fixing it
says so first, so nothing typed is silently dropped.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from matchmaker.limits import by_address, limit_posts
from questionnaire.forms import LAST_STEP, STEPS, Step, StepForm, get_step, review_sections
from questionnaire.models import Client
from questionnaire.views.results import client_for


def next_unanswered(client: Client, token: str) -> HttpResponse:
    """Where someone who tried to skip ahead belongs: the first step they have not saved yet."""
    if client.furthest_step >= LAST_STEP:
        return redirect("questionnaire:edit", token=token)
    return redirect("questionnaire:step", token=token, number=client.furthest_step + 1)


def render_step(
    request: HttpRequest, step: Step, form: StepForm, *, token: str | None, from_review: bool = False
) -> HttpResponse:
    context = {"step": step, "form": form, "token": token, "total": LAST_STEP, "from_review": from_review}
    return render(request, "questionnaire/step.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@limit_posts(group="private-links", key=by_address, setting="RATE_LIMIT_PRIVATE_LINKS")
def start(request: HttpRequest) -> HttpResponse:
    step = STEPS[0]
    form = step.form_class(request.POST if request.method == "POST" else None)
    if form.is_valid():
        _client, token = Client.create_with_token(**form.answers(), furthest_step=step.number)
        return redirect("questionnaire:step", token=token, number=step.number + 1)
    return render_step(request, step, form, token=None)


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, token: str, number: int, from_review: bool = False) -> HttpResponse:
    client = client_for(token)
    current = get_step(number)
    if current is None:
        raise Http404("There is no such step.")
    if number > client.furthest_step + 1:
        return next_unanswered(client, token)
    form = current.form_class(request.POST if request.method == "POST" else None, instance=client)
    if form.is_valid():
        form.save_step(number)
        if from_review:
            return redirect("questionnaire:edit", token=token)
        if form.cleaned_data["go"] == "back" and number > 1:
            return redirect("questionnaire:step", token=token, number=number - 1)
        if number == LAST_STEP:
            return redirect("questionnaire:edit", token=token)
        return redirect("questionnaire:step", token=token, number=number + 1)
    return render_step(request, current, form, token=token, from_review=from_review)


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, token: str) -> HttpResponse:
    """Every answer with a way to change it; confirming shows the matches."""
    client = client_for(token)
    if client.furthest_step < LAST_STEP:
        return next_unanswered(client, token)
    if request.method == "POST":
        client.completed_at = timezone.now()
        client.save(update_fields=["completed_at", "updated_at"])
        return redirect("questionnaire:results", token=token)
    context = {"client": client, "token": token, "sections": review_sections(client), "total": LAST_STEP}
    return render(request, "questionnaire/review.html", context)
