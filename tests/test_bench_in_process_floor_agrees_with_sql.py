"""bench_ranking's in-process floor picks the same 20 therapists, in the same order and with the same fit,
as the database ranks a state's listings: otherwise it would time a different problem."""

from __future__ import annotations

import pytest
from django.db.models import Count

from matchmaker.dimensions import DIMENSIONS
from matchmaker.management.commands.bench_ranking import StateArrays, array_top
from profiles.models import Listing
from profiles.seeding import seed_directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory() -> None:
    seed_directory(300, seed=11)


def sql_top(state: str, preferences: dict[str, tuple[int | None, int]]) -> list[tuple[int, float]]:
    ranked = Listing.objects.filter(state=state).ranked(preferences)[:20]
    return [(row.therapist_id, round(float(row.fit), 6)) for row in ranked]


@pytest.mark.parametrize(
    "points",
    [
        (7, 1, 4, None, 2, 6),  # most scales weighted, one left out
        (None, None, None, None, None, None),  # nothing weighted: every fit is 100, order by id
        (1, 1, 1, 1, 1, 1),
    ],
)
def test_it_ranks_a_state_as_the_database_does(directory: None, points: tuple[int | None, ...]) -> None:
    busiest = Listing.objects.values("state").annotate(rows=Count("id")).order_by("-rows").first()
    assert busiest is not None
    state = busiest["state"]
    assert Listing.objects.filter(state=state).count() > 20  # so that argpartition has rows to leave out
    preferences = {
        dimension.key: (point, 0 if point is None else 1 + index % 3)
        for index, (dimension, point) in enumerate(zip(DIMENSIONS, points, strict=True))
    }

    ours = [(therapist_id, round(fit, 6)) for therapist_id, fit in array_top(StateArrays(state), preferences)]

    assert ours == sql_top(state, preferences)
    assert len(ours) == 20
