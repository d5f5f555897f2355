"""Create a large synthetic directory: `manage.py seed_directory --therapists 100000 --seed 1`."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from profiles.seeding import seed_directory, vacuum_analyze


class Command(BaseCommand):
    help = "Create N published, verified synthetic therapists, deterministic for a given seed."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--therapists", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=20_000)

    def handle(self, *args: Any, therapists: int, seed: int, batch_size: int, **options: Any) -> None:
        if therapists < 1:
            raise CommandError("--therapists must be at least 1.")
        started = time.perf_counter()
        created = seed_directory(therapists, seed, batch_size=batch_size)
        vacuum_analyze()
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Created {created:,} therapists in {elapsed:.1f} s."))
