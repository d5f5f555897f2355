"""Remind therapists of requests left unanswered, and pause listings that stay silent. Safe to run from cron hourly."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from matchmaker.alliance import replies
from profiles.follow_up import requests_pause_silent, requests_remind


class Command(BaseCommand):
    help = (
        f"Email each therapist once about requests unanswered for {replies.DUE_AFTER.days} days, and pause new "
        f"requests to therapists whose last {replies.PAUSE_AFTER} requests went unanswered for "
        f"{replies.UNANSWERED_FOR.days} days. Running it again sends nothing twice."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--site-url",
            default="",
            help="Address of the site, such as https://matchmaker.example, to put a link in the emails.",
        )

    def handle(self, *args: Any, site_url: str, **options: Any) -> None:
        reminded = requests_remind(site_url=site_url)
        paused = requests_pause_silent(site_url=site_url)
        self.stdout.write(
            f"Sent {reminded} reminder{'' if reminded == 1 else 's'}; "
            f"paused {paused} therapist{'' if paused == 1 else 's'}."
        )
