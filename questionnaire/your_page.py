"""What the client has done so far, for the "your page" box on their results: three queries, whatever they saved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from matchmaker.alliance import replies
from matchmaker.alliance.models import CheckIn, ConsultationRequest, Message, Side
from profiles.models import Therapist
from questionnaire.models import Client, SetAside, ShortlistEntry

# What the box shows of a saved or set-aside therapist: loading only this keeps the page's queries small.
ENTRY_FIELDS = ("client_id", "therapist_id", "created_at", "therapist__name", "therapist__status")
# What the box and the one-line summary show of each conversation.
REQUEST_FIELDS = ("client_id", "therapist_id", "therapist_name", "status", "created_at", "first_reply_at",
                  "therapist__name")  # fmt: skip

# A therapist's answer stays pointed out on the results page for this long.
RECENT_REPLY = timedelta(days=7)


class Conversation(Protocol):
    """What these rules read of a conversation: a ConsultationRequest, or the results line's lighter copy."""

    @property
    def is_open(self) -> bool: ...
    @property
    def therapist_left(self) -> bool: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def first_reply_at(self) -> datetime | None: ...


def waiting_too_long[Sent: Conversation](requests: Iterable[Sent], now: datetime) -> list[Sent]:
    """Open requests nobody has answered for replies.DUE_AFTER: the page says so, kindly."""
    return [
        sent
        for sent in requests
        if sent.is_open
        and not sent.therapist_left
        and replies.waiting_too_long(replies.Sent(sent.created_at, sent.first_reply_at), now)
    ]


def replied_count(requests: Iterable[Conversation]) -> int:
    """How many of the client's requests a therapist has answered."""
    return sum(sent.first_reply_at is not None for sent in requests)


def recent_replies[Sent: Conversation](requests: Iterable[Sent], now: datetime) -> list[Sent]:
    """Open conversations a therapist wrote in within RECENT_REPLY: the results page points to each.

    Each request carries last_therapist_message_at (see with_last_reply).
    """
    since = now - RECENT_REPLY
    return [
        sent
        for sent in requests
        if sent.is_open
        and not sent.therapist_left
        and (sent.last_therapist_message_at or sent.first_reply_at or since) > since  # type: ignore[attr-defined]
    ]


@dataclass(frozen=True)
class CheckInOffer:
    """A therapist the client reached out to, and their latest check-in about them, if any."""

    therapist: Therapist
    latest_check_in: int | None


@dataclass
class YourPage:
    shortlist: list[ShortlistEntry]
    requests: list[ConsultationRequest]
    set_aside: list[SetAside]
    check_ins: list[CheckInOffer] = field(default_factory=list)

    limit = ShortlistEntry.MAX_PER_CLIENT

    @property
    def shortlisted_ids(self) -> set[int]:
        return {entry.therapist_id for entry in self.shortlist}

    @property
    def shortlist_is_full(self) -> bool:
        return len(self.shortlist) >= self.limit

    @property
    def can_compare(self) -> bool:
        return sum(entry.therapist.is_published for entry in self.shortlist) >= 2

    @property
    def waiting_too_long(self) -> list[ConsultationRequest]:
        return waiting_too_long(self.requests, timezone.now())

    @property
    def replied_count(self) -> int:
        return replied_count(self.requests)

    @property
    def recent_replies(self) -> list[ConsultationRequest]:
        return recent_replies(self.requests, timezone.now())

    @property
    def is_empty(self) -> bool:
        return not (self.shortlist or self.requests or self.set_aside)


def with_last_reply(requests: QuerySet[ConsultationRequest]) -> QuerySet[ConsultationRequest]:
    """Each request with the time of the therapist's latest message, for "replied 2 hours ago"."""
    theirs = Message.objects.filter(request=OuterRef("pk"), sender=Side.THERAPIST).order_by("-created_at", "-pk")
    return requests.annotate(last_therapist_message_at=Subquery(theirs.values("created_at")[:1]))


def with_requests(client: Client, entries: list[ShortlistEntry]) -> list[ShortlistEntry]:
    """Shortlist entries, each with `sent`: the latest request to that therapist, or None."""
    latest: dict[int, ConsultationRequest] = {}
    for sent in with_last_reply(client.requests.filter(therapist__in=[e.therapist_id for e in entries])):
        latest.setdefault(sent.therapist_id, sent)  # type: ignore[arg-type]
    for entry in entries:
        entry.sent = latest.get(entry.therapist_id)  # type: ignore[attr-defined]
    return entries


def your_page(client: Client) -> YourPage:
    check_ins = CheckIn.objects.filter(client=client, therapist=OuterRef("therapist"))
    latest_check_in = check_ins.order_by("-created_at", "-pk")
    requests = list(
        with_last_reply(client.requests.select_related("therapist").only(*REQUEST_FIELDS)).annotate(
            latest_check_in=Subquery(latest_check_in.values("pk")[:1])
        )
    )
    offers: dict[int, CheckInOffer] = {}
    for request in requests:  # newest first, so the first request per therapist stands for them
        if request.therapist is not None:
            offers.setdefault(request.therapist_id, CheckInOffer(request.therapist, request.latest_check_in))  # type: ignore[attr-defined]
    shortlist = list(client.shortlist.select_related("therapist").only(*ENTRY_FIELDS))
    for entry in shortlist:
        entry.sent = next((sent for sent in requests if sent.therapist_id == entry.therapist_id), None)  # type: ignore[attr-defined]
    return YourPage(
        shortlist=shortlist,
        requests=requests,
        set_aside=list(client.set_aside.select_related("therapist").only(*ENTRY_FIELDS).order_by("created_at", "pk")),
        check_ins=list(offers.values()),
    )


def your_page_context(client: Client) -> dict[str, YourPage]:
    """Context for templates/questionnaire/_your_page.html and the "on your shortlist" state of each card."""
    return {"your_page": your_page(client)}
