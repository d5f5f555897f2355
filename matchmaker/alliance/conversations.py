"""The conversation a consultation request opens: replies, closing, and either side leaving.

Every write here locks the request's row first, so a reply and a close, or a reply and the
client deleting everything, arriving together are applied one after the other.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from matchmaker.alliance.models import MESSAGE_MAX_LENGTH, ConsultationRequest, Message, Side

Status = ConsultationRequest.Status

EMPTY_MESSAGE = "Please write a message before sending."
TOO_LONG = f"Please keep a message to {MESSAGE_MAX_LENGTH:,} characters; you can send another after it."
CLOSED = "This conversation is closed, so no more messages can be sent in it."
CLIENT_LEFT = "This person has deleted their messages, so they can no longer read or answer this conversation."
THERAPIST_LEFT = "This therapist has left Matchmaker, so they can no longer read or answer this conversation."


def _locked(request: ConsultationRequest) -> ConsultationRequest:
    """The request's row as it is now, locked until the end of the transaction."""
    return ConsultationRequest.objects.select_for_update().get(pk=request.pk)


def clean_body(body: str) -> str:
    """The message as it is stored, or a ValidationError a form can show next to its field."""
    body = body.strip()
    if not body:
        raise ValidationError(EMPTY_MESSAGE, code="required")
    if len(body) > MESSAGE_MAX_LENGTH:
        raise ValidationError(TOO_LONG, code="max_length")
    return body


def _refuse_if_cannot_write(request: ConsultationRequest) -> None:
    if request.client_left:
        raise ValidationError(CLIENT_LEFT, code="client_left")
    if request.therapist_left:
        raise ValidationError(THERAPIST_LEFT, code="therapist_left")
    if not request.is_open:
        raise ValidationError(CLOSED, code="closed")


def _answered(request: ConsultationRequest, now: datetime) -> list[str]:
    """Record the therapist's first answer, if this is it; the fields that changed."""
    if request.first_reply_at is not None:
        return []
    request.first_reply_at = now
    changed = ["first_reply_at"]
    if request.status == Status.NEW:
        request.status = Status.REPLIED
        changed.append("status")
    return changed


def message_send(*, request: ConsultationRequest, sender: str, body: str, now: datetime | None = None) -> Message:
    """Add a message to an open conversation.

    The therapist can only ever answer: a conversation exists only because the client wrote first.
    A therapist's first message is their first reply and is timed.
    """
    if sender not in Side.values:
        raise ValueError(f"Unknown sender {sender!r}")
    body = clean_body(body)
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(request)
        _refuse_if_cannot_write(current)
        message = Message(request=current, sender=sender, body=body)
        message.full_clean()
        message.save()
        if sender == Side.THERAPIST:
            changed = _answered(current, now)
            if changed:
                current.save(update_fields=changed)
    request.refresh_from_db()
    return message


def request_mark_answered(*, request: ConsultationRequest, now: datetime | None = None) -> bool:
    """The therapist answered outside Matchmaker, by the phone number or email the client gave.

    Returns False when there was nothing to mark: already answered, closed, or no contact details given.
    """
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(request)
        if current.client_left or not current.contact or current.first_reply_at is not None:
            return False
        changed = _answered(current, now)
        current.save(update_fields=changed)
    request.refresh_from_db()
    return True


def request_close(*, request: ConsultationRequest, by: str, now: datetime | None = None) -> bool:
    """Either side closes the conversation; returns False when it was closed already.

    A therapist closing a request they never answered has answered it all the same: the client
    hears back that this therapist cannot take it further.
    """
    if by not in Side.values:
        raise ValueError(f"Unknown side {by!r}")
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(request)
        if not current.is_open:
            return False
        current.status, current.closed_at, current.closed_by = Status.CLOSED, now, by
        changed = ["status", "closed_at", "closed_by"]
        if by == Side.THERAPIST and current.first_reply_at is None:
            current.first_reply_at = now
            changed.append("first_reply_at")
        current.save(update_fields=changed)
    request.refresh_from_db()
    return True


def requests_forget_client(*, requests: object, now: datetime | None = None) -> int:
    """The client deleted everything: their side of every conversation goes, the therapist's stays.

    The therapist keeps the request (now with no name, contact, message or answers in it) and their
    own messages, and sees that this person deleted their messages. Returns how many were forgotten.
    Runs inside the caller's transaction, which holds the client's row locked.
    """
    now = now or timezone.now()
    rows = ConsultationRequest.objects.select_for_update().filter(pk__in=requests)  # type: ignore[misc]
    pks = list(rows.values_list("pk", flat=True))
    Message.objects.filter(request__in=pks, sender=Side.CLIENT).delete()
    ConsultationRequest.objects.filter(pk__in=pks).update(
        client=None,
        client_deleted_at=now,
        name="",
        contact="",
        message="",
        fit_at_request=None,
        gaps_at_request={},
        asked_state="",
        asked_format="",
        asked_sliding_scale=False,
        asked_insurance=False,
        asked_language=False,
    )
    ConsultationRequest.objects.filter(pk__in=pks, status__in=[Status.NEW, Status.REPLIED]).update(
        status=Status.CLOSED, closed_at=now, closed_by=Side.CLIENT
    )
    return len(pks)
