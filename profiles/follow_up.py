"""Following up on requests nobody answered: one reminder per request, and a pause for listings that stay silent.

Both run from the `follow_up_requests` command (cron, hourly); the rules are in matchmaker.alliance.replies.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance import replies
from matchmaker.alliance.models import ConsultationRequest
from matchmaker.matching.search_table import listing_sync
from profiles.models import Therapist

logger = logging.getLogger(__name__)

REMINDER_SUBJECT = "Someone on Matchmaker is waiting for your answer"
REMINDER_BODY = """Hello {name},

{count} waiting for your answer on Matchmaker for {days} days or more. Reaching out is hard, and silence is
the most common reason people give up looking. Even a short note helps: if you cannot take them on, say so,
or close the conversation, and they will know to look further.

Read and answer in your inbox: {inbox_url}

We send this once for each request.

The Matchmaker team
"""
PAUSE_SUBJECT = "We have paused new Matchmaker requests to you"
PAUSE_BODY = """Hello {name},

Your last {count} consultation requests on Matchmaker went unanswered for {days} days, so we have paused
new requests to you: your profile is out of clients' matches and says you are not taking new clients.
Clients who already wrote to you can still read your answers, and you can still reply to them.

When you are taking clients again, switch "Accepting new clients" back on in your dashboard and requests
will reach you again: {inbox_url}

The Matchmaker team
"""


def unanswered_requests(now: datetime | None = None) -> QuerySet[ConsultationRequest]:
    """Requests still open, never answered, sent at least replies.DUE_AFTER ago, to a therapist still here."""
    now = now or timezone.now()
    return ConsultationRequest.objects.filter(
        status=ConsultationRequest.Status.NEW,
        first_reply_at__isnull=True,
        client_deleted_at__isnull=True,
        therapist__isnull=False,
        created_at__lte=now - replies.DUE_AFTER,
    )


def _mail(subject: str, body: str, to: str) -> bool:
    try:
        send_mail(subject, body, None, [to])
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not send a follow-up email")
        return False
    return True


def requests_remind(*, site_url: str = "", now: datetime | None = None) -> int:
    """Remind each therapist once per request left unanswered for DUE_AFTER; returns how many emails went out.

    One email per therapist however many requests wait; each request is marked reminded only after the
    email went out, so a failed send is tried again on the next run. The email names no client.
    """
    now = now or timezone.now()
    due = unanswered_requests(now).filter(reminded_at__isnull=True, therapist__user__is_active=True)
    due = due.exclude(therapist__user__email="")
    by_therapist: dict[int, list[int]] = {}
    for request_pk, therapist_pk in due.values_list("pk", "therapist").order_by("therapist", "created_at"):
        by_therapist.setdefault(therapist_pk, []).append(request_pk)
    sent = 0
    inbox_url = site_url.rstrip("/") + reverse("profiles:dashboard")
    for therapist in Therapist.objects.filter(pk__in=by_therapist).select_related("user"):
        pks = by_therapist[therapist.pk]
        count = "1 person is" if len(pks) == 1 else f"{len(pks)} people are"
        body = REMINDER_BODY.format(name=therapist.name, count=count, days=replies.DUE_AFTER.days, inbox_url=inbox_url)
        if _mail(REMINDER_SUBJECT, body, therapist.user.email):  # type: ignore[union-attr]
            ConsultationRequest.objects.filter(pk__in=pks, reminded_at__isnull=True).update(reminded_at=now)
            sent += 1
    return sent


def therapist_pause_requests(*, therapist: Therapist, now: datetime | None = None) -> bool:
    """Stop new requests to a therapist whose recent requests all went unanswered (replies.should_pause).

    Switching "accepting new clients" off takes them out of matches and refuses new requests; the
    pause is recorded so their listing and dashboard can say why, and switching accepting back on
    lifts it (therapist_set_accepting). Returns True when the therapist was paused now.
    """
    now = now or timezone.now()
    with transaction.atomic():
        current = Therapist.objects.select_for_update().get(pk=therapist.pk)
        if current.requests_paused_at is not None or not current.accepting_new_clients:
            return False
        if not replies.should_pause(current.sent_requests(), now, since=current.requests_resumed_at):
            return False
        current.accepting_new_clients = False
        current.requests_paused_at = now
        current.save(update_fields=["accepting_new_clients", "requests_paused_at", "updated_at"])
        listing_sync(therapist_ids=[current.pk])
    therapist.refresh_from_db()
    return True


def requests_pause_silent(*, site_url: str = "", now: datetime | None = None) -> int:
    """Pause every therapist the rule says should be; each is told by email. Returns how many were paused."""
    now = now or timezone.now()
    old_enough = now - replies.UNANSWERED_FOR
    judged = Count("requests", filter=Q(requests__created_at__lte=old_enough))
    candidates = (
        Therapist.objects.filter(accepting_new_clients=True, requests_paused_at__isnull=True)
        .annotate(judged=judged)
        .filter(judged__gte=replies.PAUSE_AFTER)
        .select_related("user")
        .order_by("pk")
    )
    paused = 0
    inbox_url = site_url.rstrip("/") + reverse("profiles:dashboard")
    for therapist in candidates:
        if therapist_pause_requests(therapist=therapist, now=now):
            paused += 1
            if therapist.user and therapist.user.email:
                body = PAUSE_BODY.format(
                    name=therapist.name,
                    count=replies.PAUSE_AFTER,
                    days=replies.UNANSWERED_FOR.days,
                    inbox_url=inbox_url,
                )
                _mail(PAUSE_SUBJECT, body, therapist.user.email)
    return paused
