"""Listings that cannot take the client (full, stale, set aside) are removed and counted; filters apply in order."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from matchmaker.matching.find import find_matches
from matchmaker.matching.needs import client_filters
from profiles.models import AVAILABILITY_FRESH_DAYS
from questionnaire.models import SetAside
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def removals(results) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {removal.key: removal.text for removal in results.removals}


def test_it_removes_full_stale_and_set_aside_listings_and_says_so() -> None:
    stale = timezone.now() - datetime.timedelta(days=AVAILABILITY_FRESH_DAYS + 1)
    make_therapist(name="Full", accepting_new_clients=False)
    make_therapist(name="Stale", availability_confirmed_at=stale)
    set_aside = make_therapist(name="Set aside")
    make_therapist(name="Open")
    client, _ = make_client()
    SetAside.objects.create(client=client, therapist=set_aside)

    results = find_matches(client)

    assert [match.therapist.name for match in results.matches] == ["Open"]
    assert removals(results) == {
        "accepting_new_clients": "1 therapist is not taking new clients",
        "availability": "1 therapist has not confirmed their availability recently",
        "set_aside": "1 therapist was set aside by you",
    }
    assert not any(removal.chosen for removal in results.removals)


def test_each_therapist_is_counted_once_by_the_first_filter_that_removes_them() -> None:
    # Licensed elsewhere and full and too expensive: counted only as licensed elsewhere.
    make_therapist(name="Everything wrong", states=("TX",), accepting_new_clients=False, fee=500)
    make_therapist(name="Too expensive", fee=500)
    make_therapist(name="Fits", fee=50)
    client, _ = make_client(max_fee=100)

    results = find_matches(client)

    assert removals(results) == {
        "state": "1 therapist is not licensed in California",
        "max_fee": "1 therapist charges more than $100 a session",
    }
    assert sum(removal.count for removal in results.removals) + results.remaining == results.published == 3


def test_the_filters_apply_in_a_fixed_order_with_what_the_client_cannot_change_first() -> None:
    client, _ = make_client(
        state="OH",
        session_format="online",
        languages=["es"],
        concerns=["grief"],
        max_fee=90,
        needs_sliding_scale=True,
        insurance="cigna",
        therapist_gender="woman",
        wants_lgbtq_affirming=True,
        therapist_faith="christian",
        therapist_age_range="35_50",
    )

    filters = client_filters(client)

    # The client's state is not among them: every query starts from that state's listings.
    assert [f.key for f in filters] == [
        "accepting_new_clients",
        "availability",
        "set_aside",
        "session_format",
        "languages",
        "concerns",
        "max_fee",
        "needs_sliding_scale",
        "insurance",
        "therapist_gender",
        "wants_lgbtq_affirming",
        "therapist_faith",
        "therapist_age_range",
    ]
    assert [f.chosen for f in filters] == [False] * 3 + [True] * 10
    assert all(f.one and f.many and f.relax for f in filters)
