"""Curators approve or reject pending therapists; each decision is emailed, recorded and attributed."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import AbstractUser
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:profiles_therapist_changelist")


@pytest.fixture
def curator(client: Browser) -> AbstractUser:
    staff = factories.make_staff("curator")
    client.force_login(staff)
    return staff


def pending(name: str, email: str, **kwargs: object) -> Therapist:
    user = factories.make_user(name.split()[0].lower(), email=email)
    return factories.make_therapist(name=name, user=user, status=Therapist.Status.PENDING, **kwargs)


def test_the_queue_lists_pending_therapists_with_license_and_states_longest_waiting_first(
    client: Browser, curator: AbstractUser
) -> None:
    now = timezone.now()
    later = pending("Lee Later", "lee@example.com", license_number="LIC-200", submitted_at=now, states=("TX",))
    first = pending(
        "Fay First", "fay@example.com", license_number="LIC-100", submitted_at=now - timezone.timedelta(days=3),
        states=("NY", "CA"),
    )  # fmt: skip
    factories.make_therapist(name="Pat Published")

    html = client.get(CHANGELIST, {"status__exact": "pending"}).content.decode()

    assert "Pat Published" not in html
    assert html.index(first.name) < html.index(later.name)
    assert "LIC-100" in html and "LIC-200" in html
    assert "CA, NY" in html and "TX" in html


def test_approving_publishes_records_the_curator_emails_and_logs(client: Browser, curator: AbstractUser) -> None:
    therapist = pending("Priya Shah", "priya@example.com", status_reason="Old reason")
    other = pending("Omar Other", "omar@example.com")
    before = timezone.now()

    response = client.post(CHANGELIST, {"action": "approve", "_selected_action": [therapist.pk]}, follow=True)

    assert "Approved and published 1 therapist." in response.content.decode()
    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PUBLISHED
    assert therapist.status_reason == ""
    assert therapist.verified_by == curator
    assert before <= therapist.verified_at <= timezone.now()
    assert [message.to for message in mail.outbox] == [["priya@example.com"]]
    entry = LogEntry.objects.get(object_id=str(therapist.pk))
    assert (entry.user, entry.action_flag) == (curator, CHANGE)
    assert "Approved" in entry.get_change_message()
    other.refresh_from_db()
    assert other.status == Therapist.Status.PENDING


def test_rejecting_first_asks_for_a_reason_and_changes_nothing(client: Browser, curator: AbstractUser) -> None:
    therapist = pending("Priya Shah", "priya@example.com")

    response = client.post(CHANGELIST, {"action": "reject", "_selected_action": [therapist.pk]})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Priya Shah" in html
    assert 'name="reason"' in html
    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PENDING
    assert not mail.outbox
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("reason", ["", "   "])
def test_rejecting_without_a_reason_says_so_and_changes_nothing(
    client: Browser, curator: AbstractUser, reason: str
) -> None:
    therapist = pending("Priya Shah", "priya@example.com")

    response = client.post(
        CHANGELIST, {"action": "reject", "_selected_action": [therapist.pk], "confirm": "yes", "reason": reason}
    )

    assert response.status_code == 400
    assert "Please give a reason" in response.content.decode()
    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PENDING
    assert therapist.status_reason == ""
    assert not mail.outbox
    assert not LogEntry.objects.exists()


def test_rejecting_several_at_once_emails_each_the_reason_and_logs_it(client: Browser, curator: AbstractUser) -> None:
    first = pending("Priya Shah", "priya@example.com")
    second = pending("Omar Other", "omar@example.com")
    reason = "We could not find license LIC-1 in the state register. Please check the number."

    response = client.post(
        CHANGELIST,
        {"action": "reject", "_selected_action": [first.pk, second.pk], "confirm": "yes", "reason": f"  {reason} "},
        follow=True,
    )

    assert "Rejected 2 therapists." in response.content.decode()
    for therapist in (first, second):
        therapist.refresh_from_db()
        assert therapist.status == Therapist.Status.REJECTED
        assert therapist.status_reason == reason
        entry = LogEntry.objects.get(object_id=str(therapist.pk))
        assert entry.user == curator
        assert reason in entry.get_change_message()
    assert sorted(message.to[0] for message in mail.outbox) == ["omar@example.com", "priya@example.com"]
    assert all(reason in message.body for message in mail.outbox)


def test_a_therapist_can_be_rejected_from_their_own_change_page(client: Browser, curator: AbstractUser) -> None:
    therapist = pending("Priya Shah", "priya@example.com")
    change = reverse("admin:profiles_therapist_change", args=[therapist.pk])

    asked = client.post(change, {"CHANGE_FORM-action": "reject", "_selected_action": [therapist.pk]})
    assert asked.status_code == 200
    assert 'name="CHANGE_FORM-action"' in asked.content.decode()

    client.post(
        change,
        {"CHANGE_FORM-action": "reject", "_selected_action": [therapist.pk], "confirm": "yes", "reason": "No bio."},
    )

    therapist.refresh_from_db()
    assert (therapist.status, therapist.status_reason) == (Therapist.Status.REJECTED, "No bio.")
    assert "No bio." in mail.outbox[0].body


def test_a_therapist_without_an_account_email_is_still_approved_and_the_curator_is_told(
    client: Browser, curator: AbstractUser
) -> None:
    therapist = factories.make_therapist(name="Ann Imported", status=Therapist.Status.PENDING)

    response = client.post(CHANGELIST, {"action": "approve", "_selected_action": [therapist.pk]}, follow=True)

    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PUBLISHED
    assert not mail.outbox
    assert "Could not email" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "approve", "_selected_action": ["not-a-number"]},
        {"action": "approve", "_selected_action": ["999999"]},
        {"action": "reject", "_selected_action": ["999999"], "confirm": "yes", "reason": "x"},
        {"action": "make_everyone_admin", "_selected_action": ["1"]},
    ],
)
def test_tampered_action_posts_never_fail_and_never_change_a_row(
    client: Browser, curator: AbstractUser, data: dict[str, object]
) -> None:
    therapist = pending("Priya Shah", "priya@example.com")

    response = client.post(CHANGELIST, data)

    assert response.status_code < 500
    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PENDING
    assert not LogEntry.objects.exists()
    assert not mail.outbox


def test_status_cannot_be_changed_by_editing_the_form(client: Browser, curator: AbstractUser) -> None:
    therapist = pending("Priya Shah", "priya@example.com")
    change = reverse("admin:profiles_therapist_change", args=[therapist.pk])

    html = client.get(change).content.decode()

    assert 'name="status"' not in html
    assert "Approve and publish this therapist" in html
