"""Demo clients with finished questionnaires, their consultation requests to demo therapists, and the
synthetic check-ins that keep the evidence page from being empty on a demo.

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
from matchmaker.alliance.models import ConsultationRequest
from matchmaker.demo_check_ins import seed_demo_check_ins
from matchmaker.dimensions import DIMENSIONS
from profiles import synthetic
from profiles.models import Therapist
from questionnaire.forms import LAST_STEP
from questionnaire.models import Client

# Demo clients per state the demo directory covers: enough (5 or more) for the coverage page to show their wishes.
CLIENTS_PER_STATE = 6
REQUEST_SHARE = 0.4  # of demo clients who write to a therapist
STATUS_WEIGHTS = {
    ConsultationRequest.Status.NEW: 5,
    ConsultationRequest.Status.REPLIED: 3,
    ConsultationRequest.Status.CLOSED: 2,
}
MESSAGES = (
    "I have been anxious at work for months and would like to talk about starting therapy.",
    "Could we have a short call this week? I am looking for someone to help me through a breakup.",
    "I read your profile and liked how you describe a first session. Do you have evening times?",
    "My sleep has been bad since my father died. I would like to see whether we are a good fit.",
    "I am new to therapy and a bit nervous. Could you tell me how the first conversation works?",
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


class Command(BaseCommand):
    help = "Create demo clients (finished questionnaires) and consultation requests to demo therapists."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--seed", type=int, default=2026)

    @transaction.atomic
    def handle(self, *args: Any, seed: int, **options: Any) -> None:
        self.create_clients(seed)
        made = seed_demo_check_ins(seed=seed)
        if made:
            self.stdout.write(self.style.SUCCESS(f"Added {made} synthetic check-ins for the evidence page."))

    def create_clients(self, seed: int) -> None:
        if Client.objects.filter(is_synthetic=True).exists():
            self.stdout.write("Demo clients are already loaded; no clients or requests added.")
            return
        # The demo directory's therapists (not the demo account, which gets requests of its own), by state.
        demo = Therapist.objects.published().filter(is_synthetic=True, accepting_new_clients=True, user__isnull=True)
        by_state: dict[str, list[Therapist]] = {}
        for therapist in demo.order_by("pk").prefetch_related("licensed_states"):
            for state in therapist.licensed_states.all():
                by_state.setdefault(state.code, []).append(therapist)
        states = sorted(by_state)
        if not states:
            self.stdout.write("No demo therapists to write to, so no demo clients were added.")
            return
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
        made = [
            self.request_to(rng, client, rng.choice(by_state[client.state]))
            for client in clients
            if rng.random() < REQUEST_SHARE
        ]
        made += self.requests_for_the_demo_account(rng, clients)
        ConsultationRequest.objects.bulk_create(made)
        by_status = {label: sum(r.status == value for r in made) for value, label in ConsultationRequest.Status.choices}
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(clients)} demo clients in {len(states)} states and {len(made)} consultation requests "
                f"({', '.join(f'{count} {label.lower()}' for label, count in by_status.items())})."
            )
        )

    def request_to(
        self, rng: random.Random, client: Client, therapist: Therapist, status: str | None = None
    ) -> ConsultationRequest:
        first = rng.choice([name for names in synthetic.FIRST_NAMES.values() for name in names])
        chosen = status or rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
        request = ConsultationRequest(
            client=client,
            therapist=therapist,
            name=first,
            contact=f"{first.lower()}@example.com",
            message=rng.choice(MESSAGES),
            status=chosen,
            shared_consent_at=client.completed_at,
        )
        request.full_clean(validate_constraints=False)
        return request

    def requests_for_the_demo_account(self, rng: random.Random, clients: list[Client]) -> list[ConsultationRequest]:
        """A new request and a replied one for the demo therapist, so their dashboard is not empty."""
        account = Therapist.objects.filter(user__username=DEMO_ACCOUNT).first()
        if account is None:
            return []
        states = set(account.licensed_states.values_list("code", flat=True))
        near = [client for client in clients if client.state in states][:2]
        statuses = [ConsultationRequest.Status.NEW, ConsultationRequest.Status.REPLIED]
        return [self.request_to(rng, client, account, status) for client, status in zip(near, statuses, strict=False)]
