"""The seeded directory gives in-person therapists a real office ZIP code in their state, and listings its centroid."""

from __future__ import annotations

import random
from io import StringIO

import pytest
from django.core.management import call_command

from matchmaker import geo
from profiles import synthetic
from profiles.models import Listing, Therapist


def test_a_synthetic_office_is_a_standard_zip_code_of_the_home_state_and_the_same_for_a_seed() -> None:
    for seed in range(30):
        first = synthetic.office(random.Random(seed), "OH")
        again = synthetic.office(random.Random(seed), "OH")
        place = geo.place(first[0])

        assert first == again
        assert place is not None
        assert (place.state, place.city) == ("OH", first[1])


@pytest.mark.django_db(transaction=True)
def test_seeded_in_person_therapists_have_offices_in_a_state_they_are_licensed_in() -> None:
    call_command("seed_directory", therapists=60, seed=5, stdout=StringIO())

    in_person = Therapist.objects.filter(offers_in_person=True).prefetch_related("licensed_states")
    assert in_person.exists()
    for therapist in in_person:
        office = geo.place(therapist.office_zip)
        assert office is not None
        assert office.city == therapist.city
        assert office.state in {state.code for state in therapist.licensed_states.all()}
        listing = Listing.objects.filter(therapist=therapist).first()
        assert listing is not None
        assert (listing.office_latitude, listing.office_longitude) == (office.latitude, office.longitude)
    assert not Listing.objects.filter(offers_in_person=False, office_latitude__isnull=False).exists()
