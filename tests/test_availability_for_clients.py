"""Clients see how recently a therapist confirmed their availability, on the results card and the profile."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import AVAILABILITY_FRESH_DAYS
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def facts(html: str) -> str:
    start = html.index('<p class="facts')
    return html[start : html.index("</p>", start)]


def test_a_results_card_says_when_availability_was_confirmed(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", availability_confirmed_at=days_ago(3))
    _, token = make_client()

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert dana.availability_label == "availability confirmed 3 days ago"
    assert "Availability confirmed 3 days ago" in facts(html)


def test_a_profile_says_when_availability_was_confirmed(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", availability_confirmed_at=days_ago(3))
    _, token = make_client()

    html = client.get(reverse("questionnaire:therapist_for_client", args=[token, dana.pk])).content.decode()

    assert "<dt>Availability</dt><dd>Availability confirmed 3 days ago.</dd>" in html


def test_a_stale_public_profile_says_availability_was_not_confirmed_recently(client: Browser) -> None:
    stale = make_therapist(name="Sam Okafor", availability_confirmed_at=days_ago(AVAILABILITY_FRESH_DAYS + 1))

    response = client.get(reverse("questionnaire:therapist", args=[stale.pk]))

    assert response.status_code == 200
    assert "<dt>Availability</dt><dd>Availability not confirmed recently.</dd>" in response.content.decode()
