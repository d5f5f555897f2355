"""The SQL ranking (on the Listing table) and the pure scoring module give the same scores in the same order."""

from __future__ import annotations

import random

import pytest

from matchmaker import scoring
from matchmaker.dimensions import DIMENSION_KEYS, IMPORTANCE_MAX, SCALE_MAX, SCALE_MIN
from profiles.models import Listing, Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db

# Every therapist from the factory is licensed in California only, so this is each published one once.
LISTED = Listing.objects.filter(state="CA")


def random_style(rng: random.Random) -> dict[str, int]:
    return {key: rng.randint(SCALE_MIN, SCALE_MAX) for key in DIMENSION_KEYS}


def random_preferences(rng: random.Random) -> dict[str, tuple[int | None, int]]:
    prefs: dict[str, tuple[int | None, int]] = {}
    for key in DIMENSION_KEYS:
        roll = rng.random()
        if roll < 0.15:
            continue  # the key is missing altogether
        point = None if roll < 0.3 else rng.randint(SCALE_MIN, SCALE_MAX)
        prefs[key] = (point, rng.randint(0, IMPORTANCE_MAX))
    return prefs


def make_directory(rng: random.Random, size: int) -> None:
    # Few distinct styles on purpose, so that ties (and the id tie-break) are common.
    palette = [random_style(rng) for _ in range(size // 3 + 1)]
    for index in range(size):
        make_therapist(name=f"Therapist {index}", **rng.choice(palette))
    for status in (Therapist.Status.DRAFT, Therapist.Status.PENDING, Therapist.Status.REJECTED):
        make_therapist(name=f"Not published ({status})", status=status, **random_style(rng))


@pytest.mark.parametrize("seed", range(25))
def test_sql_ranking_gives_the_same_scores_and_order_as_scoring_rank(seed: int) -> None:
    rng = random.Random(seed)
    make_directory(rng, size=rng.randint(1, 30))
    prefs = random_preferences(rng)

    in_sql = list(LISTED.ranked(prefs).values_list("therapist_id", "fit"))
    in_python = scoring.rank(prefs, [(t.pk, t.style()) for t in Therapist.objects.published()])

    assert [pk for pk, _ in in_sql] == [pk for pk, _ in in_python]
    for (_, sql_fit), (_, pure_fit) in zip(in_sql, in_python, strict=True):
        assert abs(sql_fit - pure_fit) < 1e-9


@pytest.mark.parametrize("seed", range(5))
def test_sql_ranking_agrees_when_every_dimension_is_weighted(seed: int) -> None:
    rng = random.Random(1000 + seed)
    make_directory(rng, size=20)
    prefs = {key: (rng.randint(SCALE_MIN, SCALE_MAX), rng.randint(1, IMPORTANCE_MAX)) for key in DIMENSION_KEYS}

    in_sql = list(LISTED.ranked(prefs).values_list("therapist_id", "fit"))
    in_python = scoring.rank(prefs, [(t.pk, t.style()) for t in Therapist.objects.published()])

    assert [pk for pk, _ in in_sql] == [pk for pk, _ in in_python]
    assert all(abs(a - b) < 1e-9 for (_, a), (_, b) in zip(in_sql, in_python, strict=True))


def test_sql_ranking_scores_everyone_100_when_nothing_is_weighted_and_orders_by_id() -> None:
    rng = random.Random(7)
    make_directory(rng, size=6)
    prefs = dict.fromkeys(DIMENSION_KEYS[:3], (None, 3)) | dict.fromkeys(DIMENSION_KEYS[3:], (2, 0))

    ranked = list(LISTED.ranked(prefs).values_list("therapist_id", "fit"))

    assert [fit for _, fit in ranked] == [100.0] * 6
    assert [pk for pk, _ in ranked] == sorted(pk for pk, _ in ranked)


def test_dimensions_without_weight_are_left_out_of_the_sql() -> None:
    make_therapist(directness=7)
    prefs = {
        "directness": (7, 3),
        "responsiveness": (2, 0),  # importance 0
        "approach": (None, 3),  # no preferred point
        # structure, challenge and intensity are missing altogether
    }
    sql = str(LISTED.ranked(prefs).values("therapist_id", "fit").query)

    assert "directness" in sql
    for left_out in ("responsiveness", "approach", "structure", "challenge", "intensity"):
        assert left_out not in sql
