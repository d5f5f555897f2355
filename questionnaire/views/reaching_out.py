"""Asking a therapist for a consultation, and checking in on how a first session felt."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from matchmaker.alliance import replies
from matchmaker.alliance.conversations import request_close as request_close_service
from matchmaker.alliance.forms import MessageForm
from matchmaker.alliance.models import ConsultationRequest, Side
from matchmaker.matching.find import find_matches
from matchmaker.rate_limits import is_limited, too_many
from profiles.models import Therapist
from questionnaire.models import Client
from questionnaire.reaching_out import (
    ApplyChangeForm,
    CheckInForm,
    ConsultationRequestForm,
    can_be_notified,
    check_in_create,
    check_in_hints,
    check_in_proposal,
    client_message_send,
    consultation_request_create,
    open_request_to,
    proposal_apply,
    with_proposal,
)
from questionnaire.views.profile import published_therapist, render_profile
from questionnaire.views.results import client_for, locks_the_client

LIMIT = "RATE_LIMIT_CONSULTATION_REQUESTS"  # per private link


@require_POST
@locks_the_client
def request_consultation(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    therapist = published_therapist(pk)
    form = ConsultationRequestForm(request.POST, therapist=therapist)
    if not form.is_valid():
        return render_profile(request, client=client, token=token, therapist=therapist, form=form)
    waiting = open_request_to(client=client, therapist=therapist)
    if waiting is not None:
        messages.info(
            request, f"You are already in conversation with {therapist.name}; write to them here, under your request."
        )
        return redirect("questionnaire:request_sent", token=token, pk=waiting.pk)
    if is_limited(request, group="consultation-requests", key=lambda _group, _request: token, setting=LIMIT):
        return too_many(request, setting=LIMIT)
    sent = consultation_request_create(
        client=client,
        therapist=therapist,
        inbox_url=request.build_absolute_uri(reverse("profiles:dashboard")),
        **form.cleaned_data,
    )
    return redirect("questionnaire:request_sent", token=token, pk=sent.pk)


NEXT_MATCHES = 3  # offered to a client who has waited too long for an answer
MESSAGES_LIMIT = "RATE_LIMIT_CLIENT_MESSAGES"  # per private link


def render_conversation(
    request: HttpRequest, *, client: Client, token: str, sent: ConsultationRequest, form: MessageForm
) -> HttpResponse:
    """The conversation under the client's private link; the message view renders it again with a refused form."""
    now = timezone.now()
    waiting = replies.waiting_too_long(replies.Sent(sent.created_at, sent.first_reply_at), now) and sent.is_open
    next_matches = []
    if waiting:
        written_to = set(client.requests.values_list("therapist", flat=True))
        next_matches = [m for m in find_matches(client).matches if m.therapist.pk not in written_to][:NEXT_MATCHES]
    conversation = list(sent.messages.all())
    theirs = [message.created_at for message in conversation if message.sender == Side.THERAPIST]
    context = {
        "client": client,
        "token": token,
        "sent": sent,
        "therapist": sent.therapist,
        "conversation": conversation,
        "last_reply_at": max(theirs, default=sent.first_reply_at),
        "form": form,
        "can_be_notified": can_be_notified(sent.therapist),
        "waiting_too_long": waiting,
        "due_after_days": replies.DUE_AFTER.days,
        "next_matches": next_matches,
    }
    return render(request, "questionnaire/request_sent.html", context, status=400 if form.errors else 200)


def own_request(client: Client, pk: int) -> ConsultationRequest:
    """One of this link's conversations; 404 for any other id."""
    return get_object_or_404(client.requests.select_related("therapist__user"), pk=pk)


@require_GET
def request_sent(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    return render_conversation(request, client=client, token=token, sent=own_request(client, pk), form=MessageForm())


@require_POST
@locks_the_client
def request_message(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    sent = own_request(client, pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return render_conversation(request, client=client, token=token, sent=sent, form=form)
    if is_limited(request, group="client-messages", key=lambda _group, _request: token, setting=MESSAGES_LIMIT):
        return too_many(request, setting=MESSAGES_LIMIT)
    try:
        client_message_send(
            sent=sent,
            body=form.cleaned_data["body"],
            inbox_url=request.build_absolute_uri(reverse("profiles:dashboard")),
        )
    except ValidationError as refused:
        messages.info(request, " ".join(refused.messages))
    else:
        messages.success(request, "Sent.")
    return redirect(reverse("questionnaire:request_sent", args=[token, sent.pk]) + "#latest")


@require_POST
@locks_the_client
def request_close(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    sent = own_request(client, pk)
    if request_close_service(request=sent, by=Side.CLIENT):
        messages.success(request, "The conversation is closed. You can still read it here.")
    return redirect("questionnaire:request_sent", token=token, pk=sent.pk)


@require_http_methods(["GET", "POST"])
@locks_the_client
def check_in(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    # Only someone the client reached out to; they may have left the directory since.
    therapist = get_object_or_404(Therapist, pk=pk, pk__in=client.requests.values("therapist"))
    earlier = client.check_ins.filter(therapist=therapist).first()
    if earlier is not None:
        # One check-in per therapist, so that no one can weigh the averages with repeats.
        messages.info(request, f"You already checked in about {therapist.name}; here is what you told us then.")
        return redirect("questionnaire:check_in_result", token=token, pk=earlier.pk)
    form = CheckInForm(request.POST if request.method == "POST" else None, client=client)
    if request.method == "POST" and form.is_valid():
        saved = check_in_create(client=client, therapist=therapist, **form.answers())  # type: ignore[arg-type]
        return redirect("questionnaire:check_in_result", token=token, pk=saved.pk)
    context = {"client": client, "token": token, "therapist": therapist, "form": form}
    return render(request, "questionnaire/check_in.html", context, status=400 if form.errors else 200)


PREVIEW = 3  # how many of the top matches to show before and after a proposed change


@require_GET
def check_in_result(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    saved = get_object_or_404(client.check_ins.select_related("therapist"), pk=pk)
    proposal = check_in_proposal(saved, client)
    context = {
        "client": client,
        "token": token,
        "check_in": saved,
        "therapist": saved.therapist,
        "hints": [] if saved.felt_right else check_in_hints(saved),
        "is_set_aside": client.set_aside.filter(therapist=saved.therapist).exists(),
        "proposal": proposal,
    }
    if proposal is not None:
        context["apply_form"] = ApplyChangeForm(proposal=proposal)
        context["top_now"] = find_matches(client).matches[:PREVIEW]
        context["top_after"] = find_matches(with_proposal(client, proposal)).matches[:PREVIEW]
    return render(request, "questionnaire/check_in_result.html", context)


@require_POST
@locks_the_client
def check_in_apply(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    client = client_for(token)
    saved = get_object_or_404(client.check_ins, pk=pk)
    proposal = check_in_proposal(saved, client)
    form = ApplyChangeForm(request.POST, proposal=proposal)
    if not form.is_valid() or proposal is None:
        messages.info(request, "Your answers have changed since this was suggested, so nothing was changed.")
        return redirect("questionnaire:check_in_result", token=token, pk=saved.pk)
    proposal_apply(client=client, proposal=proposal)
    messages.success(request, f"Done: “{proposal.title}” is now {proposal.proposed}. Here are your matches with it.")
    return redirect("questionnaire:results", token=token)
