"""The Listing search table is rebuilt by listing_sync, once per transaction, when it commits."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from matchmaker import vocabulary
from matchmaker.matching.search_table import listing_sync, listings_rebuild
from profiles.models import Listing, State, Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def listing_deletes(queries: CaptureQueriesContext) -> int:
    return sum(1 for query in queries.captured_queries if query["sql"].startswith('DELETE FROM "profiles_listing"'))


def test_it_lists_a_published_therapist_once_per_licensed_state_with_one_primary_row():
    therapist = make_therapist(states=("CA", "NY", "OH"))

    rows = Listing.objects.filter(therapist=therapist).order_by("state")

    assert [row.state for row in rows] == ["CA", "NY", "OH"]
    assert [row.primary for row in rows] == [True, False, False]


def test_it_lists_nobody_who_is_not_published():
    for status in (Therapist.Status.DRAFT, Therapist.Status.PENDING, Therapist.Status.REJECTED):
        make_therapist(status=status)

    assert Listing.objects.count() == 0


def test_unpublishing_removes_the_listings_and_publishing_brings_them_back(django_capture_on_commit_callbacks: Any):
    therapist = make_therapist(states=("CA", "TX"))
    with django_capture_on_commit_callbacks(execute=True):
        therapist.status = Therapist.Status.PENDING
        therapist.save()
        listing_sync(therapist_ids=[therapist.pk])
    assert not Listing.objects.filter(therapist=therapist).exists()

    with django_capture_on_commit_callbacks(execute=True):
        therapist.status = Therapist.Status.PUBLISHED
        therapist.save()
        listing_sync(therapist_ids=[therapist.pk])
    assert Listing.objects.filter(therapist=therapist).count() == 2


def test_style_and_practical_changes_are_copied(django_capture_on_commit_callbacks: Any):
    therapist = make_therapist(directness=2, fee=150)
    confirmed = timezone.now() - datetime.timedelta(days=50)
    with django_capture_on_commit_callbacks(execute=True):
        therapist.directness = therapist.directness_high = 7
        therapist.fee = 90
        therapist.accepting_new_clients = False
        therapist.availability_confirmed_at = confirmed
        therapist.save()
        listing_sync(therapist_ids=[therapist.pk])

    row = Listing.objects.get(therapist=therapist)
    assert (row.directness, row.fee, row.accepting_new_clients) == (7, 90, False)
    assert row.availability_confirmed_at == confirmed


def test_changing_states_languages_insurance_or_concerns_updates_the_rows(django_capture_on_commit_callbacks: Any):
    therapist = make_therapist(states=("CA",), languages=("en",), concerns=("anxiety",))

    with django_capture_on_commit_callbacks(execute=True):
        therapist.licensed_states.add("WA")
        therapist.languages.set(["en", "es"])
        therapist.insurance_plans.add("cigna")
        therapist.concerns.remove("anxiety")
        listing_sync(therapist_ids=[therapist.pk])

    rows = Listing.objects.filter(therapist=therapist).order_by("state")
    assert [row.state for row in rows] == ["CA", "WA"]
    for row in rows:
        assert row.languages_mask == vocabulary.bitmask(vocabulary.LANGUAGES, ["en", "es"])
        assert row.insurance_mask == vocabulary.bitmask(vocabulary.INSURANCE_PLANS, ["cigna"])
        assert row.concerns_mask == 0


def test_it_rebuilds_nothing_before_the_transaction_commits(django_capture_on_commit_callbacks: Any):
    therapist = make_therapist(directness=3)

    with django_capture_on_commit_callbacks() as callbacks:
        Therapist.objects.filter(pk=therapist.pk).update(directness=6, directness_high=6)
        listing_sync(therapist_ids=[therapist.pk])
        assert Listing.objects.get(therapist=therapist).directness == 3
    assert callbacks, "the rebuild waits for the commit"

    for callback in callbacks:
        callback()
    assert Listing.objects.get(therapist=therapist).directness == 6


def test_ids_queued_many_times_in_one_transaction_are_rebuilt_once(django_capture_on_commit_callbacks: Any):
    first, second = make_therapist(fee=100), make_therapist(fee=100, name="Sam Lee")

    committed = django_capture_on_commit_callbacks(execute=True)
    with CaptureQueriesContext(connection) as queries, committed, transaction.atomic():
        Therapist.objects.update(fee=80)
        listing_sync(therapist_ids=[first.pk])
        listing_sync(therapist_ids=[first.pk, second.pk])
        listing_sync(therapist_ids=[second.pk])

    assert listing_deletes(queries) == 1
    assert set(Listing.objects.values_list("fee", flat=True)) == {80}


def test_it_rebuilds_only_the_therapists_it_is_given(django_capture_on_commit_callbacks: Any):
    changed, untouched = make_therapist(fee=100), make_therapist(fee=100, name="Sam Lee")
    Therapist.objects.update(fee=70)

    with django_capture_on_commit_callbacks(execute=True):
        listing_sync(therapist_ids=[changed.pk])

    assert Listing.objects.get(therapist=changed).fee == 70
    assert Listing.objects.get(therapist=untouched).fee == 100


def test_a_change_made_from_the_state_side_reaches_the_listing_once_synced(django_capture_on_commit_callbacks: Any):
    therapist = make_therapist(states=("CA",))

    with django_capture_on_commit_callbacks(execute=True):
        State.objects.get(code="NV").therapists.add(therapist)
    assert set(Listing.objects.filter(therapist=therapist).values_list("state", flat=True)) == {"CA"}

    with django_capture_on_commit_callbacks(execute=True):
        listing_sync(therapist_ids=[therapist.pk])
    assert set(Listing.objects.filter(therapist=therapist).values_list("state", flat=True)) == {"CA", "NV"}


def test_deleting_a_therapist_deletes_their_listings():
    therapist = make_therapist(states=("CA", "NY"))
    therapist.delete()

    assert Listing.objects.count() == 0


def test_a_rebuild_repairs_rows_changed_behind_its_back():
    therapist = make_therapist(directness=3)
    Therapist.objects.filter(pk=therapist.pk).update(directness=6, directness_high=6)
    assert Listing.objects.get(therapist=therapist).directness == 3

    listings_rebuild([therapist.pk])

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
