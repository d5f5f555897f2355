"""Removing a client and everything they left with us."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance import rules
from matchmaker.alliance.conversations import requests_forget_client
from matchmaker.alliance.models import CheckIn, ConsultationRequest
from matchmaker.dimensions import BY_KEY, DIMENSIONS
from questionnaire.models import Client
from questionnaire.results_body import forget_kept_results


def client_delete(*, client: Client) -> None:
    """The answers, shortlist, set-aside therapists, check-ins and the client's side of every conversation,
    all at once and for good.

    Conversations stay in the therapist's inbox with the therapist's own messages, emptied of everything the
    client wrote or answered (requests_forget_client); every other related row is a CASCADE from Client.
    The client's row is locked first: every other write behind the link locks it too, so none can add a
    row while the deletion gathers what to delete.
    """
    with transaction.atomic():
        if Client.objects.select_for_update().filter(pk=client.pk).exists():
            requests_forget_client(requests=ConsultationRequest.objects.filter(client=client).values("pk"))
            forget_kept_results(client)
            client.delete()


def client_delete_stale(*, now: datetime | None = None, dry_run: bool = False) -> int:
    """Delete every link untouched for KEEP_UNTOUCHED_FOR, each through client_delete; returns how many."""
    now = now or timezone.now()
    if dry_run:
        return Client.objects.stale(now=now).count()
    deleted = 0
    for pk in list(Client.objects.stale(now=now).values_list("pk", flat=True)):
        # Looked up again, so a link opened since the list was made is kept.
        client = Client.objects.stale(now=now).filter(pk=pk).first()
        if client is not None:
            client_delete(client=client)
            deleted += 1
    return deleted


# Everything we hold for one private link, for the client to download. Other people appear only as
# the therapist's name and public profile; the link's hash and internal ids stay out.

EXPORTED_ANSWERS = (
    "state",
    "session_format",
    "zip_code",
    "max_distance",
    "languages",
    "max_fee",
    "needs_sliding_scale",
    "insurance",
    "concerns",
    "therapist_gender",
    "wants_lgbtq_affirming",
    "therapist_faith",
    "therapist_age_range",
)


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def client_export(*, client: Client, absolute_url: Callable[[str], str]) -> dict[str, Any]:
    """A plain dict, ready for JSON, of every row behind this client's link."""

    def therapist(pk: int, name: str) -> dict[str, str]:
        return {"name": name, "profile": absolute_url(reverse("questionnaire:therapist", args=[pk]))}

    return {
        "private_link": {
            "consented_at": _when(client.consented_at),
            "created_at": _when(client.created_at),
            "updated_at": _when(client.updated_at),
            "last_seen_at": _when(client.last_seen_at),
            "completed_at": _when(client.completed_at),
            "furthest_step": client.furthest_step,
        },
        "answers": {name: getattr(client, name) for name in EXPORTED_ANSWERS},
        "style": {
            d.key: {"point": getattr(client, d.point_field), "importance": getattr(client, d.importance_field)}
            for d in DIMENSIONS
        },
        "shortlist": [
            {"therapist": therapist(entry.therapist_id, entry.therapist.name), "added_at": _when(entry.created_at)}
            for entry in client.shortlist.select_related("therapist")
        ],
        "set_aside": [
            {"therapist": therapist(aside.therapist_id, aside.therapist.name), "set_aside_at": _when(aside.created_at)}
            for aside in client.set_aside.select_related("therapist").order_by("created_at", "pk")
        ],
        "consultation_requests": [
            {
                "therapist": therapist(sent.therapist_id, sent.therapist.name)
                if sent.therapist
                else {"name": sent.therapist_name, "left_matchmaker": True},
                "name": sent.name,
                "contact": sent.contact,
                "message": sent.message,
                "status": sent.get_status_display(),
                "sent_at": _when(sent.created_at),
                "first_answered_at": _when(sent.first_reply_at),
                "closed_at": _when(sent.closed_at),
                "fit_when_sent": sent.fit_at_request,
                "conversation": [
                    {
                        "from": "you" if message.sender == "client" else "therapist",
                        "text": message.body,
                        "sent_at": _when(message.created_at),
                    }
                    for message in sent.messages.all()
                ],
            }
            for sent in client.requests.select_related("therapist")
            .prefetch_related("messages")
            .order_by("created_at", "pk")
        ],
        "check_in_questions": dict(CheckIn.QUESTIONS),
        "check_in_answers": dict(rules.ANSWERS),
        "check_ins": [
            {
                "therapist": therapist(check_in.therapist_id, check_in.therapist.name),
                **{name: getattr(check_in, name) for name, _question in CheckIn.QUESTIONS},
                "would_go_back": check_in.get_again_display(),
                "felt_right": check_in.felt_right,
                "compared_with_what_you_wanted": {
                    BY_KEY[key].title: dict(rules.style_answer_choices(key))[step]
                    for key, step in check_in.style_steps.items()
                    if key in BY_KEY
                },
                "your_points_then": {
                    BY_KEY[key].title: point for key, point in check_in.wanted.items() if key in BY_KEY
                },
                "checked_in_at": _when(check_in.created_at),
            }
            for check_in in client.check_ins.select_related("therapist").order_by("created_at", "pk")
        ],
    }
