"""Prepare a database for bench/loadtest.py and list the paths it will request.

    manage.py prepare_loadtest --therapists 100000 --clients 200 --output /tmp/paths.json

Tops the seeded directory up to --therapists (the same way bench_ranking does),
creates clients who finished the questionnaire with realistic answers, and
writes the paths of the four page kinds as JSON. That file holds the private
links of these synthetic clients: bench/loadtest.py keeps it in a temporary
directory and deletes it afterwards.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone

from matchmaker.management.commands.bench_ranking import Command as RankingBenchmark
from matchmaker.management.commands.bench_ranking import random_answers
from profiles.models import Therapist
from questionnaire.forms import LAST_STEP
from questionnaire.models import Client


class Command(BaseCommand):
    help = "Seed the directory and create clients for the load test; write the paths to request as JSON."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--therapists", type=int, required=True)
        parser.add_argument("--clients", type=int, default=200)
        parser.add_argument("--profiles", type=int, default=500, help="How many public profiles to request.")
        parser.add_argument("--seed", type=int, default=11, help="Seed of the clients' answers.")
        parser.add_argument("--output", required=True)

    def handle(
        self, *args: Any, therapists: int, clients: int, profiles: int, seed: int, output: str, **options: Any
    ) -> None:
        if therapists < 1 or clients < 1 or profiles < 1:
            raise CommandError("--therapists, --clients and --profiles must each be at least 1.")
        # The very directory the ranking benchmark builds, so both measure the same data.
        RankingBenchmark(stdout=self.stdout, stderr=self.stderr).ensure_directory(therapists)

        rng = random.Random(seed)
        tokens = []
        for _ in range(clients):
            # Finished questionnaires: every step page opens, none redirects to an unanswered one.
            _client, token = Client.create_with_token(
                **random_answers(rng), furthest_step=LAST_STEP, completed_at=timezone.now()
            )
            tokens.append(token)

        therapist_pks = list(Therapist.objects.published().order_by("?").values_list("pk", flat=True)[:profiles])
        if not therapist_pks:
            raise CommandError("The directory has no published therapist to request.")

        paths = {
            "home": [reverse("home")],
            "step": [reverse("questionnaire:start")]
            + [
                reverse("questionnaire:step", kwargs={"token": token, "number": number})
                for token in tokens
                for number in range(1, LAST_STEP + 1)
            ],
            "results": [Client.url_for(token) for token in tokens],
            "profile": [reverse("questionnaire:therapist", args=[pk]) for pk in therapist_pks],
        }
        Path(output).write_text(json.dumps(paths))
        self.stdout.write(
            f"Created {clients} clients; listed {len(paths['step'])} step, {len(paths['results'])} results "
            f"and {len(paths['profile'])} profile paths."
        )
