"""Curators find published listings whose availability has gone stale, oldest first."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import AVAILABILITY_FRESH_DAYS, Therapist
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings() -> dict[str, Therapist]:
    now = timezone.now()

    def days_ago(days: int) -> datetime.datetime:
        return now - datetime.timedelta(days=days)

    return {
        "fresh": factories.make_therapist(name="Fran Fresh", availability_confirmed_at=days_ago(3)),
        "edge": factories.make_therapist(
            name="Eddie Edge", availability_confirmed_at=days_ago(AVAILABILITY_FRESH_DAYS - 1)
        ),
        "stale": factories.make_therapist(
            name="Stan Stale",
            availability_confirmed_at=days_ago(AVAILABILITY_FRESH_DAYS + 5),
            availability_reminder_sent_at=days_ago(10),
        ),
        "oldest": factories.make_therapist(name="Olga Oldest", availability_confirmed_at=days_ago(200)),
        "pending": factories.make_therapist(
            name="Pia Pending", status=Therapist.Status.PENDING, availability_confirmed_at=days_ago(200)
        ),
    }


@pytest.fixture
def curator(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))


def test_the_stale_page_lists_published_stale_listings_oldest_first_with_the_last_reminder(
    client: Browser, curator: None, listings: dict[str, Therapist]
) -> None:
    html = client.get(reverse("admin:profiles_therapist_stale")).content.decode()

    assert html.index("Olga Oldest") < html.index("Stan Stale")
    for absent in ("Fran Fresh", "Eddie Edge", "Pia Pending"):
        assert absent not in html
    reminder = timezone.localdate(listings["stale"].availability_reminder_sent_at).isoformat()
    stan_row = html[html.index("Stan Stale") :].split("</tr>")[0]
    assert reminder in stan_row
    olga_row = html[html.index("Olga Oldest") :].split("</tr>")[0]
    assert "Never" in olga_row


@pytest.mark.parametrize(
    ("value", "shown", "hidden"),
    [
        ("stale", {"Stan Stale", "Olga Oldest", "Pia Pending"}, {"Fran Fresh", "Eddie Edge"}),
        ("fresh", {"Fran Fresh", "Eddie Edge"}, {"Stan Stale", "Olga Oldest", "Pia Pending"}),
    ],
)
def test_the_changelist_filters_by_availability(
    client: Browser, curator: None, listings: dict[str, Therapist], value: str, shown: set[str], hidden: set[str]
) -> None:
    response = client.get(reverse("admin:profiles_therapist_changelist"), {"availability": value})

    html = response.content.decode()
    results = html[html.index('id="result_list"') :]
    assert all(name in results for name in shown)
    assert not any(name in results for name in hidden)
