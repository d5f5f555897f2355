"""The ranking the results page runs (on the Listing table) gives scoring.rank's scores and order."""

from __future__ import annotations

import random

import pytest

from matchmaker import scoring
from matchmaker.dimensions import DIMENSION_KEYS, IMPORTANCE_MAX, SCALE_MAX, SCALE_MIN
from profiles.models import Listing, Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("seed", range(15))
def test_the_listing_ranking_in_one_state_agrees_with_the_pure_ranking(seed: int) -> None:
    rng = random.Random(seed)
    palette = [{key: rng.randint(SCALE_MIN, SCALE_MAX) for key in DIMENSION_KEYS} for _ in range(5)]
    for index in range(rng.randint(1, 25)):
        states = rng.choice([("CA",), ("CA", "NY"), ("NY",)])
        status = rng.choice([Therapist.Status.PUBLISHED] * 4 + [Therapist.Status.PENDING])
        make_therapist(name=f"Therapist {index}", states=states, status=status, **rng.choice(palette))
    prefs = {
        key: (rng.choice([None, rng.randint(SCALE_MIN, SCALE_MAX)]), rng.randint(0, IMPORTANCE_MAX))
        for key in DIMENSION_KEYS
    }

    in_sql = list(Listing.objects.filter(state="CA").ranked(prefs).values_list("therapist_id", "fit"))
    candidates = Therapist.objects.published().filter(licensed_states="CA")
    in_python = scoring.rank(prefs, [(t.pk, t.style()) for t in candidates])

    assert [pk for pk, _ in in_sql] == [pk for pk, _ in in_python]
    assert all(abs(a - b) < 1e-9 for (_, a), (_, b) in zip(in_sql, in_python, strict=True))
