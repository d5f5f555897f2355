"""Email therapists whose availability has not been confirmed for a while. Safe to run from cron at any interval."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from profiles.models import AVAILABILITY_REMINDER_DAYS, Therapist
from profiles.services import therapist_remind_availability


class Command(BaseCommand):
    help = (
        f"Remind published therapists by email to confirm their availability {AVAILABILITY_REMINDER_DAYS} days "
        "after they last did. Each confirmation is reminded at most once, so running it again sends nothing new."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--site-url",
            default="",
            help="Address of the site, such as https://matchmaker.example, to put a link in the email.",
        )

    def handle(self, *args: Any, site_url: str, **options: Any) -> None:
        sent = 0
        for therapist in Therapist.objects.due_availability_reminder().select_related("user").order_by("pk"):
            therapist_remind_availability(therapist=therapist, site_url=site_url)
            sent += 1
        self.stdout.write(f"Sent {sent} availability reminder{'' if sent == 1 else 's'}.")
