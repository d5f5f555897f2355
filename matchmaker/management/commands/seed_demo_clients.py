"""Demo clients with finished questionnaires, their consultation requests to demo therapists, and the
synthetic check-ins that keep the evidence page from being empty on a demo.

The requests were sent over the last weeks and answered as therapists do: most within hours to two days,
some late, some never, and a few listings never answer anyone, so the replies page has something to show.

Run by seed_demo once its directory is loaded; safe to run again: it adds nothing twice.
Every client is marked synthetic. Their private links are never shown: nobody can open them,
and the usual retention deletes them like any other answers left unopened.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from matchmaker import vocabulary
from matchmaker.alliance.models import ConsultationRequest, Message, Side
from matchmaker.alliance.replies import DUE_AFTER
from matchmaker.demo_check_ins import seed_demo_check_ins
from matchmaker.dimensions import DIMENSIONS
from profiles import synthetic
from profiles.models import Therapist
from questionnaire.forms import LAST_STEP
from questionnaire.models import Client
from questionnaire.reaching_out import what_was_asked

Status = ConsultationRequest.Status

# Demo clients per state the demo directory covers: enough (5 or more) for the coverage page to show their wishes.
CLIENTS_PER_STATE = 6
REQUEST_SHARE = 0.6  # of demo clients who write to therapists
WRITES_TO = {1: 5, 2: 3, 3: 2}  # how many therapists a client who writes contacts, and how often
# A few listings that get requests and never answer, so the replies page shows what that looks like.
SILENT_LISTINGS = 3
SILENT_REQUESTS = 4  # requests to each, all older than the time a therapist has to answer
MESSAGES = (
    "I have been anxious at work for months and would like to talk about starting therapy.",
    "Could we have a short call this week? I am looking for someone to help me through a breakup.",
    "I read your profile and liked how you describe a first session. Do you have evening times?",
    "My sleep has been bad since my father died. I would like to see whether we are a good fit.",
    "I am new to therapy and a bit nervous. Could you tell me how the first conversation works?",
)
# What demo therapists write back first; a request closed unanswered by the therapist gets no message.
REPLIES = (
    "Thank you for writing. I have time on Tuesday and Thursday evenings; would a short call then suit you?",
    "Thanks for reaching out. I would be glad to talk. Is a 15-minute call this week possible for you?",
    "Hello, and thank you for your message. A first conversation is just to see whether we fit. When are you free?",
    "Thank you for getting in touch. I am not taking new clients until next month; shall I write then?",
)
DEMO_ACCOUNT = "therapist"  # seed_demo's demo therapist account, who gets a few requests of their own


def answers(rng: random.Random, state: str) -> dict[str, Any]:
    """One finished questionnaire: a few scales weighted, the rest left open, practical needs varied."""
    values: dict[str, Any] = {
        "state": state,
        "session_format": rng.choices(["either", "online", "in_person"], weights=[5, 3, 2])[0],
        "languages": ["es"] if rng.random() < 0.12 else [],
        "max_fee": rng.choice([None, None, 120, 150, 200]),
        "needs_sliding_scale": rng.random() < 0.15,
        "insurance": rng.choice(["", "", *(code for code, _ in vocabulary.INSURANCE_PLANS)]),
        "concerns": sorted(rng.sample([code for code, _ in vocabulary.CONCERNS], k=rng.randint(1, 3))),
        "wants_lgbtq_affirming": rng.random() < 0.2,
    }
    for dimension in DIMENSIONS:
        weighted = rng.random() < 0.65
        values[dimension.point_field] = rng.randint(1, 7) if weighted else None
        values[dimension.importance_field] = rng.choice([1, 2, 3]) if weighted else 0
    return values


def reply_after(rng: random.Random) -> datetime.timedelta | None:
    """How long a demo therapist takes to answer: mostly within hours, some a day or two, a few longer, some never."""
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.6:
        return datetime.timedelta(minutes=rng.randint(20, 8 * 60))
    if roll < 0.92:
        return datetime.timedelta(minutes=rng.randint(8 * 60, 48 * 60))
    return datetime.timedelta(minutes=rng.randint(48 * 60, 5 * 24 * 60))


def conversation(
    rng: random.Random, sent: datetime.datetime, delay: datetime.timedelta | None, now: datetime.datetime
) -> dict[str, Any]:
    """How a demo conversation stands now, with the same fields a real one would have set."""
    answered = sent + delay if delay is not None and sent + delay <= now else None
    if answered is not None:
        if rng.random() < 0.7:
            return {"status": Status.REPLIED, "first_reply_at": answered}
        closed = min(now, answered + datetime.timedelta(hours=rng.randint(1, 72)))
        by = rng.choice([Side.THERAPIST, Side.CLIENT])
        return {"status": Status.CLOSED, "first_reply_at": answered, "closed_at": closed, "closed_by": by}
    roll = rng.random()
    if roll < 0.08:  # the client found someone else within the day and withdrew
        closed = min(now, sent + datetime.timedelta(hours=rng.randint(1, 20)))
        return {"status": Status.CLOSED, "closed_at": closed, "closed_by": Side.CLIENT}
    if roll < 0.25 and now - sent > DUE_AFTER:  # the client gave up waiting
        closed = min(now, sent + DUE_AFTER + datetime.timedelta(days=rng.randint(1, 7)))
        return {"status": Status.CLOSED, "closed_at": closed, "closed_by": Side.CLIENT}
    return {"status": Status.NEW}


class Command(BaseCommand):
    help = "Create demo clients (finished questionnaires) and consultation requests to demo therapists."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--seed", type=int, default=2026)

    @transaction.atomic
    def handle(self, *args: Any, seed: int, **options: Any) -> None:
        silent = self.create_clients(seed)
        made = seed_demo_check_ins(seed=seed, leave_out=silent)
        if made:
            self.stdout.write(self.style.SUCCESS(f"Added {made} synthetic check-ins for the evidence page."))

    def create_clients(self, seed: int) -> list[int]:
        """Demo clients and their requests; returns the listings that never answer, which stay silent."""
        if Client.objects.filter(is_synthetic=True).exists():
            self.stdout.write("Demo clients are already loaded; no clients or requests added.")
            return []
        # The demo directory's therapists (not the demo account, which gets requests of its own), by state.
        demo = Therapist.objects.published().filter(is_synthetic=True, accepting_new_clients=True, user__isnull=True)
        by_state: dict[str, list[Therapist]] = {}
        for therapist in demo.order_by("pk").prefetch_related("licensed_states"):
            for state in therapist.licensed_states.all():
                by_state.setdefault(state.code, []).append(therapist)
        states = sorted(by_state)
        if not states:
            self.stdout.write("No demo therapists to write to, so no demo clients were added.")
            return []
        rng = random.Random(seed)
        now = timezone.now()
        clients = []
        for state in states:
            for _ in range(CLIENTS_PER_STATE):
                finished = now - datetime.timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 23))
                client, _token = Client.create_with_token(
                    **answers(rng, state),
                    furthest_step=LAST_STEP,
                    completed_at=finished,
                    consented_at=finished,
                    is_synthetic=True,
                )
                clients.append(client)
        everyone = sorted({t.pk: t for pool in by_state.values() for t in pool}.values(), key=lambda t: t.pk)
        silent = rng.sample(everyone, k=min(SILENT_LISTINGS, len(everyone) // 4))
        made = self.requests_to_silent_listings(rng, silent, clients, now)
        for client in clients:
            answering = [therapist for therapist in by_state[client.state] if therapist not in silent]
            if not answering or rng.random() >= REQUEST_SHARE:
                continue
            how_many = rng.choices(list(WRITES_TO), weights=list(WRITES_TO.values()))[0]
            for therapist in rng.sample(answering, k=min(how_many, len(answering))):
                made.append(self.request_to(rng, client, therapist, now))
        made += self.requests_for_the_demo_account(rng, clients, now)
        self.save(made)
        by_status = {label: sum(r.status == value for r in made) for value, label in Status.choices}
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(clients)} demo clients in {len(states)} states and {len(made)} consultation requests "
                f"({', '.join(f'{count} {label.lower()}' for label, count in by_status.items())}), "
                f"{len(silent)} of the listings written to never answering."
            )
        )
        return [therapist.pk for therapist in silent]

    def save(self, made: list[ConsultationRequest]) -> None:
        # created_at is set to now on insert; the demo's conversations were started over the last weeks.
        started = [request.created_at for request in made]
        ConsultationRequest.objects.bulk_create(made)
        for request, at in zip(made, started, strict=True):
            request.created_at = at
        ConsultationRequest.objects.bulk_update(made, ["created_at"])
        # The therapist's first answer, in words, where it was more than closing the conversation.
        replies = [
            Message(request=request, sender=Side.THERAPIST, body=REPLIES[request.pk % len(REPLIES)])
            for request in made
            if request.first_reply_at is not None and request.first_reply_at != request.closed_at
        ]
        Message.objects.bulk_create(replies)
        for message in replies:
            message.created_at = message.request.first_reply_at
        Message.objects.bulk_update(replies, ["created_at"])

    def request_to(
        self,
        rng: random.Random,
        client: Client,
        therapist: Therapist,
        now: datetime.datetime,
        *,
        delay: datetime.timedelta | None = None,
        answers_at_all: bool = True,
        sent: datetime.datetime | None = None,
    ) -> ConsultationRequest:
        first = rng.choice([name for names in synthetic.FIRST_NAMES.values() for name in names])
        assert client.completed_at is not None
        sent = sent or min(now, client.completed_at + datetime.timedelta(minutes=rng.randint(5, 12 * 60)))
        if answers_at_all and delay is None:
            delay = reply_after(rng)
        request = ConsultationRequest(
            client=client,
            therapist=therapist,
            therapist_name=therapist.name,
            name=first,
            contact=f"{first.lower()}@example.com",
            message=rng.choice(MESSAGES),
            shared_consent_at=sent,
            created_at=sent,
            **what_was_asked(client),
            **conversation(rng, sent, delay if answers_at_all else None, now),
        )
        request.full_clean(validate_constraints=False)
        return request

    def requests_to_silent_listings(
        self, rng: random.Random, silent: list[Therapist], clients: list[Client], now: datetime.datetime
    ) -> list[ConsultationRequest]:
        """Requests from clients in the listing's states, sent long enough ago to count, none answered."""
        made = []
        for therapist in silent:
            licensed = {state.code for state in therapist.licensed_states.all()}
            near = [client for client in clients if client.state in licensed]
            for client in rng.sample(near, k=min(SILENT_REQUESTS, len(near))):
                sent = now - DUE_AFTER - datetime.timedelta(days=rng.randint(1, 25), hours=rng.randint(0, 23))
                request = self.request_to(rng, client, therapist, now, answers_at_all=False, sent=sent)
                if request.closed_by == Side.CLIENT and request.closed_at and request.closed_at < sent + DUE_AFTER:
                    request.status, request.closed_at, request.closed_by = Status.NEW, None, ""  # not withdrawn
                made.append(request)
        return made

    def requests_for_the_demo_account(
        self, rng: random.Random, clients: list[Client], now: datetime.datetime
    ) -> list[ConsultationRequest]:
        """A new request and a replied one for the demo therapist, so their dashboard is not empty."""
        account = Therapist.objects.filter(user__username=DEMO_ACCOUNT).first()
        if account is None:
            return []
        states = set(account.licensed_states.values_list("code", flat=True))
        near = [client for client in clients if client.state in states][:2]
        made = []
        for client, status in zip(near, [Status.NEW, Status.REPLIED], strict=False):
            sent = now - datetime.timedelta(hours=rng.randint(2, 30))
            request = self.request_to(rng, client, account, now, answers_at_all=False, sent=sent)
            request.status, request.closed_at, request.closed_by = status, None, ""
            if status == Status.REPLIED:
                request.first_reply_at = sent + datetime.timedelta(minutes=rng.randint(30, 90))
            made.append(request)
        return made
