"""The Listing search table follows every change to a therapist, whichever way it is made."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from matchmaker import vocabulary
from profiles.listings import listings_refresh
from profiles.models import Listing, State, Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def test_it_lists_a_published_therapist_once_per_licensed_state_with_one_primary_row():
    therapist = make_therapist(states=("CA", "NY", "OH"))

    rows = Listing.objects.filter(therapist=therapist).order_by("state")

    assert [row.state for row in rows] == ["CA", "NY", "OH"]
    assert [row.primary for row in rows] == [True, False, False]


def test_it_lists_nobody_who_is_not_published():
    for status in (Therapist.Status.DRAFT, Therapist.Status.PENDING, Therapist.Status.REJECTED):
        make_therapist(status=status)

    assert Listing.objects.count() == 0


def test_unpublishing_removes_the_listings_and_publishing_brings_them_back():
    therapist = make_therapist(states=("CA", "TX"))
    therapist.status = Therapist.Status.PENDING
    therapist.save()
    assert not Listing.objects.filter(therapist=therapist).exists()

    therapist.status = Therapist.Status.PUBLISHED
    therapist.save()
    assert Listing.objects.filter(therapist=therapist).count() == 2


def test_style_and_practical_changes_are_copied():
    therapist = make_therapist(directness=2, fee=150)
    therapist.directness = 7
    therapist.fee = 90
    therapist.accepting_new_clients = False
    confirmed = timezone.now() - datetime.timedelta(days=50)
    therapist.availability_confirmed_at = confirmed
    therapist.save()

    row = Listing.objects.get(therapist=therapist)
    assert (row.directness, row.fee, row.accepting_new_clients) == (7, 90, False)
    assert row.availability_confirmed_at == confirmed


def test_changing_states_languages_insurance_or_concerns_updates_the_rows():
    therapist = make_therapist(states=("CA",), languages=("en",), concerns=("anxiety",))

    therapist.licensed_states.add("WA")
    therapist.languages.set(["en", "es"])
    therapist.insurance_plans.add("cigna")
    therapist.concerns.remove("anxiety")

    rows = Listing.objects.filter(therapist=therapist).order_by("state")
    assert [row.state for row in rows] == ["CA", "WA"]
    for row in rows:
        assert row.languages_mask == vocabulary.bitmask(vocabulary.LANGUAGES, ["en", "es"])
        assert row.insurance_mask == vocabulary.bitmask(vocabulary.INSURANCE_PLANS, ["cigna"])
        assert row.concerns_mask == 0


def test_a_change_made_from_the_state_side_reaches_the_listing():
    therapist = make_therapist(states=("CA",))

    State.objects.get(code="NV").therapists.add(therapist)

    assert set(Listing.objects.filter(therapist=therapist).values_list("state", flat=True)) == {"CA", "NV"}


def test_deleting_a_therapist_deletes_their_listings():
    therapist = make_therapist(states=("CA", "NY"))
    therapist.delete()

    assert Listing.objects.count() == 0


def test_refresh_repairs_rows_changed_behind_its_back():
    therapist = make_therapist(directness=3)
    Therapist.objects.filter(pk=therapist.pk).update(directness=6)  # .update() sends no signal
    assert Listing.objects.get(therapist=therapist).directness == 3

    listings_refresh([therapist.pk])

    assert Listing.objects.get(therapist=therapist).directness == 6


def test_bitmasks_decode_to_the_therapists_own_languages_and_plans():
    therapist = make_therapist(languages=("es", "en", "asl"), insurance_plans=("tricare", "aetna"))
    row = Listing.objects.get(therapist=therapist)

    assert vocabulary.labels_in_mask(vocabulary.LANGUAGES, row.languages_mask) == [
        "English",
        "Spanish",
        "American Sign Language",
    ]
    assert vocabulary.labels_in_mask(vocabulary.INSURANCE_PLANS, row.insurance_mask) == ["Aetna", "TRICARE"]
