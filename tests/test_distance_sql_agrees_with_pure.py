"""The distance the database works out for a listing's office agrees with geo.miles_between."""

from __future__ import annotations

import random

import pytest

from matchmaker import geo
from matchmaker.matching.needs import miles_from
from profiles.models import Listing
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def random_point(rng: random.Random) -> tuple[float, float]:
    # Anywhere from Hawaii and Alaska to Maine, and a little beyond.
    return rng.uniform(15.0, 72.0), rng.uniform(-170.0, -60.0)


def test_the_sql_distance_agrees_with_the_pure_distance_within_a_hundredth_of_a_mile() -> None:
    rng = random.Random(20261201)
    therapist = make_therapist(states=("CA",), offers_in_person=True, office_zip="94612")
    for trial in range(150):
        office = random_point(rng)
        # Half the clients near the office, as the filter mostly sees them; half anywhere.
        if trial % 2:
            home = (office[0] + rng.uniform(-0.8, 0.8), office[1] + rng.uniform(-0.8, 0.8))
        else:
            home = random_point(rng)
        Listing.objects.filter(therapist=therapist).update(office_latitude=office[0], office_longitude=office[1])

        in_sql = Listing.objects.annotate(miles=miles_from(*home)).values_list("miles", flat=True).get()

        assert in_sql == pytest.approx(geo.miles_between(*home, *office), abs=0.01)


def test_the_same_point_is_no_distance_at_all() -> None:
    make_therapist(states=("OH",), offers_in_person=True, office_zip="43215")
    columbus = geo.place("43215")
    assert columbus is not None

    in_sql = Listing.objects.annotate(miles=miles_from(columbus.latitude, columbus.longitude)).get().miles

    assert in_sql == pytest.approx(0.0, abs=0.01)
