"""send_availability_reminders emails each therapist once, 30 days after they last confirmed, and records it."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from profiles.models import AVAILABILITY_REMINDER_DAYS, Therapist
from tests.factories import make_therapist, make_therapist_user

pytestmark = pytest.mark.django_db


def days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def run(*args: str) -> str:
    out = StringIO()
    call_command("send_availability_reminders", *args, stdout=out)
    return out.getvalue()


def test_it_reminds_at_thirty_days_and_not_a_minute_before() -> None:
    due = make_therapist_user("dana", availability_confirmed_at=days_ago(AVAILABILITY_REMINDER_DAYS))
    make_therapist_user(
        "eli", availability_confirmed_at=days_ago(AVAILABILITY_REMINDER_DAYS) + datetime.timedelta(minutes=1)
    )

    output = run()

    assert output.strip() == "Sent 1 availability reminder."
    assert [message.to for message in mail.outbox] == [[due.user.email]]
    assert mail.outbox[0].subject == "Is your availability on Matchmaker still accurate?"
    assert "My availability is still accurate" in mail.outbox[0].body
    due.refresh_from_db()
    assert due.availability_reminder_sent_at is not None


def test_running_it_twice_sends_each_reminder_once() -> None:
    therapist = make_therapist_user("dana", availability_confirmed_at=days_ago(31))
    make_therapist_user("fay", availability_confirmed_at=days_ago(50))

    assert run().strip() == "Sent 2 availability reminders."
    first_reminder = Therapist.objects.get(pk=therapist.pk).availability_reminder_sent_at
    assert run().strip() == "Sent 0 availability reminders."

    assert len(mail.outbox) == 2
    assert Therapist.objects.get(pk=therapist.pk).availability_reminder_sent_at == first_reminder


def test_a_new_confirmation_is_reminded_again_thirty_days_later() -> None:
    therapist = make_therapist_user(
        "dana", availability_confirmed_at=days_ago(40), availability_reminder_sent_at=days_ago(10)
    )
    assert run().strip() == "Sent 0 availability reminders."  # already reminded about this confirmation

    Therapist.objects.filter(pk=therapist.pk).update(availability_confirmed_at=days_ago(9))  # confirmed since
    assert run().strip() == "Sent 0 availability reminders."  # too soon after the new confirmation

    # Three weeks on, the confirmation that followed the reminder is itself 31 days old.
    Therapist.objects.filter(pk=therapist.pk).update(
        availability_confirmed_at=days_ago(31), availability_reminder_sent_at=days_ago(32)
    )
    assert run().strip() == "Sent 1 availability reminder."
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("status", [Therapist.Status.DRAFT, Therapist.Status.PENDING, Therapist.Status.REJECTED])
def test_only_published_profiles_are_reminded(status: str) -> None:
    make_therapist_user("dana", status=status, availability_confirmed_at=days_ago(40))
    assert run().strip() == "Sent 0 availability reminders."
    assert mail.outbox == []


def test_profiles_without_an_account_or_an_address_are_skipped() -> None:
    make_therapist(name="No Account", availability_confirmed_at=days_ago(40))
    no_address = make_therapist_user("gus", availability_confirmed_at=days_ago(40))
    no_address.user.email = ""
    no_address.user.save()

    assert run().strip() == "Sent 0 availability reminders."
    assert Therapist.objects.filter(availability_reminder_sent_at__isnull=False).count() == 0


def test_the_email_links_to_the_dashboard_when_given_the_site_address() -> None:
    make_therapist_user("dana", availability_confirmed_at=days_ago(30))

    run("--site-url", "https://matchmaker.example/")

    assert "https://matchmaker.example" + reverse("profiles:dashboard") in mail.outbox[0].body
