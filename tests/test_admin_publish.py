"""Staff find therapists in the admin and publish or unpublish them, with a record of who did it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import AbstractUser
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import Therapist
from tests.factories import make_staff, make_therapist, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:profiles_therapist_changelist")


@pytest.fixture
def curator(client: Browser) -> AbstractUser:
    staff = make_staff("curator")
    client.force_login(staff)
    return staff


def run_action(browser: Browser, action: str, *therapists: Therapist) -> None:
    response = browser.post(CHANGELIST, {"action": action, "_selected_action": [t.pk for t in therapists]})
    assert response.status_code == 302


def test_staff_find_a_therapist_by_name_and_see_their_status(client: Browser, curator: AbstractUser) -> None:
    make_therapist(name="Priya Shah", status=Therapist.Status.PENDING)
    make_therapist(name="Leo Garcia")

    response = client.get(CHANGELIST, {"q": "Shah"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Priya Shah" in html
    assert "Pending verification" in html
    assert "Leo Garcia" not in html


def test_the_changelist_lists_every_status(client: Browser, curator: AbstractUser) -> None:
    for status in Therapist.Status:
        make_therapist(name=f"Someone {status.value}", status=status)

    html = client.get(CHANGELIST).content.decode()

    for status in Therapist.Status:
        assert f"Someone {status.value}" in html
        assert str(status.label) in html


def test_approving_publishes_and_records_who_verified_when_and_logs_it(client: Browser, curator: AbstractUser) -> None:
    pending = make_therapist(name="Priya Shah", status=Therapist.Status.PENDING)
    draft = make_therapist(name="Dana Draft", status=Therapist.Status.DRAFT)
    untouched = make_therapist(name="Rob Rejected", status=Therapist.Status.REJECTED)
    before = timezone.now()

    run_action(client, "approve", pending, draft)

    for therapist in (pending, draft):
        therapist.refresh_from_db()
        assert therapist.status == Therapist.Status.PUBLISHED
        assert therapist.verified_by == curator
        assert before <= therapist.verified_at <= timezone.now()
        entry = LogEntry.objects.get(object_id=str(therapist.pk))
        assert entry.user == curator
        assert entry.action_flag == CHANGE
        assert "Approved" in entry.get_change_message()
    untouched.refresh_from_db()
    assert untouched.status == Therapist.Status.REJECTED
    assert not LogEntry.objects.filter(object_id=str(untouched.pk)).exists()


def test_approving_an_already_published_therapist_changes_nothing(client: Browser, curator: AbstractUser) -> None:
    verified_at = timezone.now() - timedelta(days=30)
    published = make_therapist(name="Leo Garcia", verified_at=verified_at)

    run_action(client, "approve", published)

    published.refresh_from_db()
    assert published.verified_at == verified_at
    assert published.verified_by is None
    assert not LogEntry.objects.exists()


def test_unpublishing_sends_a_therapist_back_to_pending_and_logs_it(client: Browser, curator: AbstractUser) -> None:
    published = make_therapist(name="Leo Garcia")

    run_action(client, "unpublish", published)

    published.refresh_from_db()
    assert published.status == Therapist.Status.PENDING
    entry = LogEntry.objects.get(object_id=str(published.pk))
    assert entry.user == curator
    assert "Unpublished" in entry.get_change_message()
    # Clients no longer find it (the curator who is logged in here would see the staff preview).
    assert Browser().get(reverse("questionnaire:therapist", args=[published.pk])).status_code == 404


def test_people_who_are_not_staff_cannot_reach_the_admin(client: Browser) -> None:
    therapist = make_therapist(name="Priya Shah", status=Therapist.Status.PENDING)
    client.force_login(make_user("robin"))

    for response in (client.get(CHANGELIST), client.get(reverse("admin:index"))):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))

    client.post(CHANGELIST, {"action": "approve", "_selected_action": [therapist.pk]})
    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PENDING
    assert not LogEntry.objects.exists()


def test_anonymous_visitors_cannot_reach_the_admin(client: Browser) -> None:
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
