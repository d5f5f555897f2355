"""Synthetic check-ins for a demo, so the evidence page has something to show. Every one is marked is_synthetic.

It lives in the project package because it writes both sides: demo clients, their requests
(with the fit stored as a real request stores it) and their check-ins.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Collection

from django.utils import timezone

from matchmaker.alliance import rules
from matchmaker.alliance.models import CheckIn, ConsultationRequest, Message
from matchmaker.dimensions import DIMENSIONS, SCALE_MAX, SCALE_MIN
from matchmaker.scoring import nearest, weighted_terms
from profiles.models import Therapist
from questionnaire.models import Client
from questionnaire.reaching_out import fit_now, what_was_asked

DEMO_CHECK_INS = 60


def _answer(rng: random.Random, fit: float) -> int:
    """A made-up answer that tends to be higher with a better fit, as we hope real ones will."""
    centre = 0.5 + 3.0 * fit / 100
    return max(rules.ANSWER_MIN, min(rules.ANSWER_MAX, round(rng.gauss(centre, 0.9))))


def seed_demo_check_ins(*, count: int = DEMO_CHECK_INS, seed: int = 2026, leave_out: Collection[int] = ()) -> int:
    """Demo clients who each wrote to one published therapist three days ago, heard back within hours,
    and then checked in. Therapists in leave_out (the demo's listings that never answer) get none.

    Adds nothing when synthetic check-ins exist already; returns how many it made.
    """
    if CheckIn.objects.filter(is_synthetic=True).exists():
        return 0
    therapists = list(Therapist.objects.published().exclude(pk__in=leave_out).order_by("pk")[:200])
    if not therapists:
        return 0
    rng = random.Random(seed)
    replies = random.Random(seed + 1)  # apart, so the made-up answers stay the ones they always were
    asked = timezone.now() - datetime.timedelta(days=3)
    for number in range(count):
        therapist = rng.choice(therapists)
        answers: dict[str, object] = {}
        for dimension in rng.sample(DIMENSIONS, 3):
            answers[dimension.point_field] = rng.randint(SCALE_MIN, SCALE_MAX)
            answers[dimension.importance_field] = rng.randint(1, 3)
        state = therapist.licensed_states.values_list("pk", flat=True).first() or "CA"
        client, _token = Client.create_with_token(state=state, consented_at=asked, is_synthetic=True, **answers)
        stored = fit_now(client=client, therapist=therapist)
        request = ConsultationRequest.objects.create(
            client=client,
            therapist=therapist,
            name=f"Demo client {number + 1}",
            contact="demo@example.com",
            message="A made-up request for the demo.",
            therapist_name=therapist.name,
            shared_consent_at=asked,
            status=ConsultationRequest.Status.REPLIED,
            **what_was_asked(client),
            **stored,
        )
        # They met, so the therapist answered: within the day it was sent.
        answered = asked + datetime.timedelta(minutes=replies.randint(30, 20 * 60))
        ConsultationRequest.objects.filter(pk=request.pk).update(created_at=asked, first_reply_at=answered)
        reply = request.messages.create(sender="therapist", body="Thank you for writing. Shall we talk this week?")
        Message.objects.filter(pk=reply.pk).update(created_at=answered)
        fit = float(stored["fit_at_request"])  # type: ignore[arg-type]
        alliance = {key: _answer(rng, fit) for key in rules.ALLIANCE_KEYS}
        again = "no" if min(alliance.values()) <= 1 and rng.random() < 0.6 else rng.choice(["yes", "yes", "unsure"])
        steps: dict[str, int] = {}
        wanted: dict[str, int] = {}
        for key, point, stands, _weight in weighted_terms(client.preferences(), therapist.style()):
            # How they came across: where the therapist stands relative to the client, give or take a step.
            wanted[key] = point
            steps[key] = max(-2, min(2, nearest(point, stands) - point + rng.choice([-1, 0, 0, 1])))
        CheckIn.objects.create(
            client=client,
            therapist=therapist,
            **alliance,
            again=again,
            felt_right=rules.felt_right(alliance, again),
            style_steps=steps,
            wanted=wanted,
            is_synthetic=True,
        )
    return count
