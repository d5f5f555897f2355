"""A therapist reads and answers a conversation a client opened with a consultation request."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from matchmaker.alliance.conversations import message_send, request_close, request_mark_answered
from matchmaker.alliance.forms import MessageForm
from matchmaker.alliance.models import ConsultationRequest, Side


def own_request(request: HttpRequest, pk: int) -> ConsultationRequest:
    """A request sent to the logged-in therapist; any other id is a 404, so none can be probed."""
    return get_object_or_404(
        ConsultationRequest.objects.select_related("therapist"), pk=pk, therapist__user=request.user
    )


def render_conversation(request: HttpRequest, consultation: ConsultationRequest, form: MessageForm) -> HttpResponse:
    context = {"consultation": consultation, "conversation": list(consultation.messages.all()), "form": form}
    return render(request, "profiles/conversation.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    return render_conversation(request, own_request(request, pk), MessageForm())


@login_required
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = own_request(request, pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return render_conversation(request, consultation, form)
    try:
        message_send(request=consultation, sender=Side.THERAPIST, body=form.cleaned_data["body"])
    except ValidationError as refused:
        messages.info(request, " ".join(refused.messages))
    else:
        messages.success(request, "Sent. They will see it when they next open their page.")
    return redirect(reverse("profiles:conversation", args=[consultation.pk]) + "#latest")


@login_required
@require_POST
def mark_answered(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = own_request(request, pk)
    if request_mark_answered(request=consultation):
        messages.success(request, "Marked as answered. Thank you for getting back to them.")
    return redirect("profiles:conversation", pk=consultation.pk)


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = own_request(request, pk)
    if request_close(request=consultation, by=Side.THERAPIST):
        messages.success(
            request, "The conversation is closed. They can still read it, and they see that you closed it."
        )
    return redirect("profiles:conversation", pk=consultation.pk)
