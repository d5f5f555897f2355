"""Moving to ranges: points never actively saved become unanswered, saved points become ranges of width 0."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("profiles", "0008_limits_and_no_wording_on_fields")]
AFTER = [("profiles", "0009_therapist_style_ranges_and_unanswered")]
KEYS = ("directness", "responsiveness", "approach", "structure", "challenge", "intensity")


@pytest.fixture(autouse=True)
def every_migration_afterwards() -> object:
    """Leave the test database fully migrated, as the tests after this one expect."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_it_keeps_saved_points_and_forgets_points_nobody_chose() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Therapist = old.get_model("profiles", "Therapist")
    Listing = old.get_model("profiles", "Listing")
    saved = Therapist.objects.create(name="Saved", style_saved_at=timezone.now(), directness=6, challenge=2)
    untouched = Therapist.objects.create(name="Untouched")
    for therapist in (saved, untouched):
        Listing.objects.create(
            therapist=therapist,
            state="CA",
            primary=True,
            accepting_new_clients=True,
            availability_confirmed_at=timezone.now(),
            offers_online=True,
            offers_in_person=False,
            fee=100,
            sliding_scale=False,
            lgbtq_affirming=False,
            **{key: getattr(therapist, key) for key in KEYS},
        )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Therapist = new.get_model("profiles", "Therapist")
    Listing = new.get_model("profiles", "Listing")

    saved = Therapist.objects.get(name="Saved")
    assert [(getattr(saved, key), getattr(saved, f"{key}_high")) for key in KEYS] == [
        (6, 6), (4, 4), (4, 4), (4, 4), (2, 2), (4, 4)
    ]  # fmt: skip
    untouched = Therapist.objects.get(name="Untouched")
    assert all(getattr(untouched, key) is None and getattr(untouched, f"{key}_high") is None for key in KEYS)
    listed = Listing.objects.get()
    assert (listed.therapist_id, listed.directness, listed.directness_high) == (saved.pk, 6, 6)
