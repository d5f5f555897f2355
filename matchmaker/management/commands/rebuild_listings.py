"""Rebuild the Listing search table from the therapists, on purpose and in batches.

    manage.py rebuild_listings [--batch-size 5000]

Every write path in the app keeps the table in step itself; this is for writes that
go around them (``loaddata``, a raw ``.update()`` in a shell). Each batch is its own
transaction, so a large directory is never locked in one.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from matchmaker.matching.search_table import listings_rebuild
from profiles.models import Therapist


class Command(BaseCommand):
    help = "Rebuild every therapist's listing rows from their own data, one batch at a time."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        ids = list(Therapist.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            listings_rebuild(ids[start : start + batch_size])
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the listings of {len(ids)} therapists."))
