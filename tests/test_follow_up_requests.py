"""Time travel: the therapist is reminded once of a request left 3 days, and paused after 5 left a week."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from profiles.models import Listing, Therapist
from tests.factories import make_client, make_request_sent_ago, make_therapist_user

pytestmark = pytest.mark.django_db


def follow_up() -> str:
    out = StringIO()
    call_command("follow_up_requests", "--site-url", "https://matchmaker.example", stdout=out)
    return out.getvalue()


def test_a_request_left_three_days_is_reminded_once_without_client_details() -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    young = make_request_sent_ago(dana, days=2.9, name="Priya", message="Evenings please.")
    old = make_request_sent_ago(dana, days=3.1, name="Priya", message="Evenings please.", contact="p@example.org")

    assert follow_up().startswith("Sent 1 reminder;")

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [dana.user.email]
    assert email.subject == "Someone on Matchmaker is waiting for your answer"
    assert "1 person is waiting for your answer on Matchmaker for 3 days or more" in email.body
    assert "https://matchmaker.example/therapist/" in email.body
    for private in ("Priya", "Evenings please.", "p@example.org", "/c/"):
        assert private not in email.body
    old.refresh_from_db()
    young.refresh_from_db()
    assert old.reminded_at is not None and young.reminded_at is None

    assert follow_up().startswith("Sent 0 reminders;")
    assert len(mail.outbox) == 1


def test_answered_closed_and_deleted_requests_are_not_reminded() -> None:
    dana = make_therapist_user("dana")
    make_request_sent_ago(dana, days=4, answered_after_hours=30)
    make_request_sent_ago(dana, days=4, status="closed")
    gone = make_request_sent_ago(dana, days=4)
    ConsultationRequest.objects.filter(pk=gone.pk).update(client=None, client_deleted_at=gone.created_at)

    follow_up()

    assert mail.outbox == []


def test_several_waiting_requests_make_one_email() -> None:
    dana = make_therapist_user("dana")
    for days in (3.5, 4, 6):
        make_request_sent_ago(dana, days=days)

    follow_up()

    assert len(mail.outbox) == 1 and "3 people are waiting" in mail.outbox[0].body
    assert ConsultationRequest.objects.filter(reminded_at__isnull=True).count() == 0


def test_five_requests_unanswered_for_a_week_pause_new_requests(
    client: Browser, django_capture_on_commit_callbacks
) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    for days in (7.5, 8, 9, 10, 11):
        make_request_sent_ago(dana, days=days)

    with django_capture_on_commit_callbacks(execute=True):
        assert "paused 1 therapist." in follow_up()

    dana.refresh_from_db()
    assert dana.requests_paused_at is not None and not dana.accepting_new_clients
    assert not Listing.objects.filter(therapist=dana, accepting_new_clients=True).exists()
    assert any(email.subject == "We have paused new Matchmaker requests to you" for email in mail.outbox)
    # Their listing says so, and nobody can send them a new request.
    _owner, token = make_client()
    profile = client.get(reverse("questionnaire:therapist_for_client", args=[token, dana.pk])).content.decode()
    assert "Not receiving new requests for now: recent requests to Dana Reyes went unanswered." in profile
    assert "New requests to Dana Reyes are paused" in profile
    assert 'action="' + reverse("questionnaire:request_consultation", args=[token, dana.pk]) not in profile
    # Their dashboard explains how to come back.
    client.force_login(dana.user)
    dashboard = client.get(reverse("profiles:dashboard")).content.decode()
    assert "New requests to you are paused" in dashboard
    assert "your last 5 requests went unanswered for 7 days" in dashboard
    assert "then switch <strong>Accepting new clients</strong> on" in dashboard


def test_four_unanswered_or_a_recent_answer_do_not_pause() -> None:
    dana = make_therapist_user("dana")
    for days in (8, 9, 10, 11):
        make_request_sent_ago(dana, days=days)
    follow_up()
    dana.refresh_from_db()
    assert dana.requests_paused_at is None

    make_request_sent_ago(dana, days=7.2, answered_after_hours=5)
    make_request_sent_ago(dana, days=12)
    follow_up()
    dana.refresh_from_db()
    assert dana.requests_paused_at is None and dana.accepting_new_clients


def test_switching_accepting_back_on_lifts_the_pause_and_starts_afresh(
    client: Browser, django_capture_on_commit_callbacks
) -> None:
    dana = make_therapist_user("dana")
    for days in (8, 9, 10, 11, 12):
        make_request_sent_ago(dana, days=days)
    with django_capture_on_commit_callbacks(execute=True):
        follow_up()
    assert not Listing.objects.get(therapist=dana).accepting_new_clients
    client.force_login(dana.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("profiles:set_accepting", args=[dana.pk]), {"accepting_new_clients": "on"}, follow=True
        )

    assert "Welcome back: requests reach you again" in response.content.decode()
    dana.refresh_from_db()
    assert dana.requests_paused_at is None and dana.requests_resumed_at is not None and dana.accepting_new_clients
    assert Listing.objects.get(therapist=dana).accepting_new_clients
    # The same old silence does not pause them again.
    follow_up()
    assert Therapist.objects.get(pk=dana.pk).requests_paused_at is None
