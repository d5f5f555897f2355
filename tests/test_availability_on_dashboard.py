"""Availability cannot go stale silently: the dashboard shows its age, confirms it, and switches new clients."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import AVAILABILITY_FRESH_DAYS, Therapist
from tests.factories import make_therapist_user

pytestmark = pytest.mark.django_db

HIDDEN = "hidden from clients’ matches"


def days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("age", "label"),
    [
        (0, "availability confirmed today"),
        (1, "availability confirmed yesterday"),
        (3, "availability confirmed 3 days ago"),
        (AVAILABILITY_FRESH_DAYS - 0.01, f"availability confirmed {AVAILABILITY_FRESH_DAYS - 1} days ago"),
        (AVAILABILITY_FRESH_DAYS + 1, "availability not confirmed recently"),
    ],
)
def test_the_availability_label_says_how_long_ago_it_was_confirmed(age: float, label: str) -> None:
    therapist = Therapist(name="Robin", availability_confirmed_at=days_ago(age))
    assert therapist.availability_label == label
    assert therapist.availability_age_days == int(age)


def test_a_fresh_listing_shows_when_it_was_confirmed(client: Browser) -> None:
    therapist = make_therapist_user("robin", availability_confirmed_at=days_ago(3))
    client.force_login(therapist.user)

    content = client.get(reverse("profiles:dashboard")).content.decode()

    assert "Availability confirmed 3 days ago." in content
    assert HIDDEN not in content


def test_a_stale_listing_says_plainly_it_is_hidden_until_confirmed(client: Browser) -> None:
    therapist = make_therapist_user("robin", availability_confirmed_at=days_ago(AVAILABILITY_FRESH_DAYS + 1))
    client.force_login(therapist.user)

    content = client.get(reverse("profiles:dashboard")).content.decode()

    assert f"You last confirmed your availability {AVAILABILITY_FRESH_DAYS + 1} days ago" in content
    assert HIDDEN in content


def test_confirming_makes_a_stale_listing_fresh_again(client: Browser) -> None:
    therapist = make_therapist_user("robin", availability_confirmed_at=days_ago(AVAILABILITY_FRESH_DAYS + 1))
    client.force_login(therapist.user)
    assert not Therapist.objects.fresh().filter(pk=therapist.pk).exists()

    response = client.post(reverse("profiles:confirm_availability", args=[therapist.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:dashboard")
    assert Therapist.objects.fresh().filter(pk=therapist.pk).exists()
    therapist.refresh_from_db()
    assert therapist.availability_age_days == 0
    assert HIDDEN not in client.get(reverse("profiles:dashboard")).content.decode()


def test_confirming_needs_a_post(client: Browser) -> None:
    therapist = make_therapist_user("robin", availability_confirmed_at=days_ago(50))
    client.force_login(therapist.user)

    assert client.get(reverse("profiles:confirm_availability", args=[therapist.pk])).status_code == 405
    assert not Therapist.objects.fresh().filter(pk=therapist.pk).exists()


@pytest.mark.parametrize(("posted", "accepting"), [({}, False), ({"accepting_new_clients": "on"}, True)])
def test_the_switch_sets_accepting_new_clients_and_confirms(client: Browser, posted: dict, accepting: bool) -> None:
    therapist = make_therapist_user(
        "robin", accepting_new_clients=not accepting, availability_confirmed_at=days_ago(20)
    )
    client.force_login(therapist.user)

    response = client.post(reverse("profiles:set_accepting", args=[therapist.pk]), posted)

    assert response.status_code == 302
    therapist.refresh_from_db()
    assert therapist.accepting_new_clients is accepting
    assert therapist.availability_age_days == 0
