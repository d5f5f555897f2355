"""Load a demo directory and demo accounts. Safe to run again: it adds nothing twice."""

from __future__ import annotations

import random
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from matchmaker.matching.search_table import listing_sync
from profiles import synthetic
from profiles.models import Therapist, sync_vocabulary

DEMO_STATES = ("CA", "TX", "NY", "FL", "IL", "OH", "WA", "CO")
DEMO_WEIGHTS = (30, 22, 15, 14, 8, 6, 5, 4)
DEMO_SIZE = 300
STALE_SHARE = 0.04  # a few whose availability has lapsed, so the stale-listings page has something to show


class Command(BaseCommand):
    help = "Create a demo directory of synthetic, verified therapists and demo accounts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--therapists", type=int, default=DEMO_SIZE)
        parser.add_argument("--seed", type=int, default=2026)

    @transaction.atomic
    def handle(self, *args: Any, therapists: int, seed: int, **options: Any) -> None:
        sync_vocabulary()
        self.create_directory(therapists, seed)
        self.create_accounts()
        # Demo clients and their requests belong to the client side, which this app never imports.
        call_command("seed_demo_clients", seed=seed, stdout=self.stdout, stderr=self.stderr)

    def create_directory(self, size: int, seed: int) -> None:
        if Therapist.objects.filter(is_synthetic=True, user__isnull=True).exists():
            self.stdout.write("The demo directory is already loaded; no therapists added.")
            return
        rng = random.Random(seed)
        now = timezone.now()
        created = []
        for _ in range(size):
            made = synthetic.therapist(rng, DEMO_STATES, DEMO_WEIGHTS)
            confirmed_at = now - synthetic.availability_age(rng, stale_share=STALE_SHARE)
            therapist = Therapist.objects.create(
                status=Therapist.Status.PUBLISHED,
                is_synthetic=True,
                verified_at=now,
                availability_confirmed_at=confirmed_at,
                **made.fields,
            )
            therapist.licensed_states.set(made.states)
            therapist.languages.set(made.languages)
            therapist.insurance_plans.set(made.insurance_plans)
            therapist.concerns.set(made.concerns)
            therapist.modalities.set(made.modalities)
            created.append(therapist.pk)
        listing_sync(therapist_ids=created)
        stale = Therapist.objects.filter(pk__in=created).stale().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {size} demo therapists in {', '.join(DEMO_STATES)}, their availability confirmed over "
                f"the last weeks ({stale} long enough ago to show as stale)."
            )
        )

    def create_accounts(self) -> None:
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.com", password)
            self.stdout.write(self.style.WARNING(f"Admin account: admin / {password}  (shown only this once)"))
        if not User.objects.filter(username="therapist").exists():
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user("therapist", "therapist@example.com", password, first_name="Robin")
            demo = Therapist.objects.create(
                user=user,
                name="Robin Demo",
                pronouns="they/them",
                credentials="LMFT",
                license_number="LMFT 104233",
                status=Therapist.Status.PUBLISHED,
                is_synthetic=True,
                verified_at=timezone.now(),
                offers_online=True,
                fee=110,
                bio="A demo therapist account: log in and change this profile.",
            )
            demo.licensed_states.set(["CA"])
            listing_sync(therapist_ids=[demo.pk])
            self.stdout.write(self.style.WARNING(f"Therapist account: therapist / {password}  (shown only this once)"))
        else:
            self.stdout.write("Demo accounts already exist; their passwords were shown when they were created.")
