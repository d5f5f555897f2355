"""The questionnaire in steps: start, each step under the private link, and the review.

Step 1 lives at /start/ until its first valid answer, given with consent to keep
the answers, creates the client and their private link; every later page lives
under that link, so progress is saved after each step and a closed tab loses
nothing. Back is a submit button: it saves the step's answers when they are
valid, then goes back; if something needs fixing it says so first, so nothing
typed is silently dropped.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from matchmaker.rate_limits import by_address, limit_posts
from questionnaire.forms import LAST_STEP, STEPS, ConsentForm, Step, StepForm, get_step, review_sections
from questionnaire.models import Client
from questionnaire.views.results import client_for, locks_the_client


def next_unanswered(client: Client, token: str) -> HttpResponse:
    """Where someone who tried to skip ahead belongs: the first step they have not saved yet."""
    if client.furthest_step >= LAST_STEP:
        return redirect("questionnaire:edit", token=token)
    return redirect("questionnaire:step", token=token, number=client.furthest_step + 1)


def render_step(
    request: HttpRequest,
    step: Step,
    form: StepForm,
    *,
    token: str | None,
    from_review: bool = False,
    consent: ConsentForm | None = None,
) -> HttpResponse:
    context = {
        "step": step,
        "form": form,
        "token": token,
        "total": LAST_STEP,
        "from_review": from_review,
        "consent": consent,
    }
    invalid = form.errors or (consent is not None and consent.errors)
    return render(request, "questionnaire/step.html", context, status=400 if invalid else 200)


@require_http_methods(["GET", "POST"])
@limit_posts(group="private-links", key=by_address, setting="RATE_LIMIT_PRIVATE_LINKS")
def start(request: HttpRequest) -> HttpResponse:
    """Step 1 and the consent to keep the answers: nothing is stored until both are given."""
    step = STEPS[0]
    data = request.POST if request.method == "POST" else None
    form, consent = step.form_class(data), ConsentForm(data)
    if all([form.is_valid(), consent.is_valid()]):  # both, so each shows its own errors
        _client, token = Client.create_with_token(
            **form.answers(), furthest_step=step.number, consented_at=timezone.now()
        )
        if notice := form.notice():
            messages.info(request, notice)
        return redirect("questionnaire:step", token=token, number=step.number + 1)
    return render_step(request, step, form, token=None, consent=consent)


@require_http_methods(["GET", "POST"])
@locks_the_client
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
        if notice := form.notice():
            messages.info(request, notice)
        if from_review:
            return redirect("questionnaire:edit", token=token)
        if form.cleaned_data["go"] == "back" and number > 1:
            return redirect("questionnaire:step", token=token, number=number - 1)
        if number == LAST_STEP:
            return redirect("questionnaire:edit", token=token)
        return redirect("questionnaire:step", token=token, number=number + 1)
    return render_step(request, current, form, token=token, from_review=from_review)


@require_http_methods(["GET", "POST"])
@locks_the_client
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
