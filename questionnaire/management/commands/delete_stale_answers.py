"""Delete the answers behind private links nobody has opened or changed for 12 months. Safe to run daily from cron."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from questionnaire.models import KEEP_UNTOUCHED_FOR
from questionnaire.privacy import client_delete_stale


class Command(BaseCommand):
    help = (
        f"Delete every private link untouched for {KEEP_UNTOUCHED_FOR.days} days, with its answers, shortlist, "
        "set-aside therapists, requests and check-ins, the same way as the client's own 'Delete everything'."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count the links that would be deleted.")

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        count = client_delete_stale(dry_run=dry_run)
        links = f"{count} private link{'' if count == 1 else 's'}"
        if dry_run:
            self.stdout.write(f"Would delete {links} untouched for {KEEP_UNTOUCHED_FOR.days} days (dry run).")
        else:
            self.stdout.write(f"Deleted {links} untouched for {KEEP_UNTOUCHED_FOR.days} days.")
