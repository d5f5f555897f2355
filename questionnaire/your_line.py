"""The one line on the results page about what the client has done so far, from one plain SQL statement.

The shortlist page shows the whole box (questionnaire.your_page, model instances through the ORM).
The results page needs only counts, the saved therapists' ids, and a few facts per conversation; it
is the page people reload most, and building those ORM queries cost more than running them, so the
line reads the same rows with hand-written SQL. tests/test_your_line_agrees_with_your_page.py holds
the two to the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from matchmaker.alliance.models import CheckIn, ConsultationRequest, Message, Side
from profiles.models import Therapist
from questionnaire.models import Client, SetAside, ShortlistEntry
from questionnaire.your_page import recent_replies, replied_count, waiting_too_long


def moment(value: object) -> datetime | None:
    """A timestamp as PostgreSQL returns it (aware), or as SQLite does (naive, or text from a subquery; in UTC)."""
    if value is None:
        return None
    parsed = value if isinstance(value, datetime) else parse_datetime(str(value))
    if parsed is not None and timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


@dataclass(frozen=True)
class Sent:
    """A conversation as the line shows it; named like ConsultationRequest's fields, so the same rules apply."""

    pk: int
    therapist_id: int | None
    therapist_name: str
    status: str
    created_at: datetime
    first_reply_at: datetime | None
    last_therapist_message_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status != ConsultationRequest.Status.CLOSED

    @property
    def therapist_left(self) -> bool:
        return self.therapist_id is None


@dataclass(frozen=True)
class Offer:
    """A therapist the client reached out to (by their name now), and the client's check-in about them, if any."""

    therapist_pk: int
    therapist_name: str
    latest_check_in: int | None


@dataclass(frozen=True)
class YourLine:
    shortlisted_ids: frozenset[int]
    set_aside_count: int
    requests: tuple[Sent, ...]  # newest first
    check_ins: tuple[Offer, ...]

    limit = ShortlistEntry.MAX_PER_CLIENT

    @property
    def shortlist_count(self) -> int:
        return len(self.shortlisted_ids)

    @property
    def replied_count(self) -> int:
        return replied_count(self.requests)

    @property
    def recent_replies(self) -> list[Sent]:
        return recent_replies(self.requests, timezone.now())

    @property
    def waiting_too_long(self) -> list[Sent]:
        return waiting_too_long(self.requests, timezone.now())


def table(model: type) -> str:
    return connection.ops.quote_name(model._meta.db_table)  # type: ignore[attr-defined]


def line_sql() -> str:
    """Everything the line shows, in one statement: a row per conversation (the newest message the therapist wrote,
    and the client's latest check-in about that therapist), a row per saved therapist, and the set-aside count."""
    return f"""
        SELECT 'request', r.id, r.therapist_id, r.therapist_name, r.status, r.created_at, r.first_reply_at,
            (SELECT m.created_at FROM {table(Message)} m WHERE m.request_id = r.id AND m.sender = %s
             ORDER BY m.created_at DESC, m.id DESC LIMIT 1),
            (SELECT c.id FROM {table(CheckIn)} c WHERE c.client_id = r.client_id AND c.therapist_id = r.therapist_id
             ORDER BY c.created_at DESC, c.id DESC LIMIT 1),
            t.name
        FROM {table(ConsultationRequest)} r LEFT JOIN {table(Therapist)} t ON t.id = r.therapist_id
        WHERE r.client_id = %s
        UNION ALL
        SELECT 'saved', s.therapist_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM {table(ShortlistEntry)} s WHERE s.client_id = %s
        UNION ALL
        SELECT 'set aside', COUNT(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM {table(SetAside)} a WHERE a.client_id = %s
        ORDER BY 1, 6 DESC, 2 DESC
    """  # noqa: S608 - table names from our own models, values as parameters


def your_line(client: Client) -> YourLine:
    with connection.cursor() as cursor:
        cursor.execute(line_sql(), [Side.THERAPIST.value, client.pk, client.pk, client.pk])
        rows = cursor.fetchall()
    shortlisted, set_aside_count, requests, offers = set(), 0, [], {}
    for kind, pk, therapist_id, therapist_name, status, created_at, first_reply_at, last_theirs, check_in, name in rows:
        if kind == "saved":
            shortlisted.add(pk)
        elif kind == "set aside":
            set_aside_count = int(pk)
        else:  # a conversation, newest first
            when = moment(created_at), moment(first_reply_at), moment(last_theirs)
            requests.append(Sent(pk, therapist_id, therapist_name, status, *when))  # type: ignore[arg-type]
            if therapist_id is not None and therapist_id not in offers:  # the newest request stands for its therapist
                offers[therapist_id] = Offer(therapist_id, name, check_in)
    return YourLine(frozenset(shortlisted), set_aside_count, tuple(requests), tuple(offers.values()))
