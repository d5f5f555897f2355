"""The SQL ranking (on the Listing table) and the pure scoring module give the same scores in the same order."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchmaker import scoring
from matchmaker.dimensions import DIMENSION_KEYS, IMPORTANCE_MAX, SCALE_MAX, SCALE_MIN
from matchmaker.matching.find import PAGE_COLUMNS, PAGE_SIZE, compiled, rank_page
from matchmaker.scoring import MAX_RANGE_WIDTH
from profiles.models import Listing, Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db

points = st.integers(SCALE_MIN, SCALE_MAX)
# A therapist's answer on a scale: a point, or a range at most three points wide.
answers = st.tuples(points, st.integers(0, MAX_RANGE_WIDTH)).map(
    lambda pair: (pair[0], min(pair[0] + pair[1], SCALE_MAX))
)
styles = st.fixed_dictionaries(dict.fromkeys(DIMENSION_KEYS, answers)).map(
    lambda style: {
        column: value for key, (low, high) in style.items() for column, value in ((key, low), (f"{key}_high", high))
    }
)
# A preference may be missing altogether, have no preferred point, or weigh nothing.
preferences = st.dictionaries(
    st.sampled_from(DIMENSION_KEYS), st.tuples(st.none() | points, st.integers(0, IMPORTANCE_MAX))
)
therapists = st.tuples(
    st.integers(0, 3),  # which of a few styles, so that ties (and the id tie-break) are common
    st.sampled_from([("CA",), ("CA", "NY"), ("NY",)]),
    st.sampled_from([Therapist.Status.PUBLISHED] * 4 + [Therapist.Status.PENDING]),
)


def fill_directory(palette: list[dict[str, int]], directory: list[tuple[int, tuple[str, ...], str]]) -> None:
    """Exactly these therapists: each with one of the palette's styles, its states and its status."""
    Therapist.objects.all().delete()
    for index, (style, states, status) in enumerate(directory):
        make_therapist(name=f"Therapist {index}", states=states, status=status, **palette[style])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(palette=st.lists(styles, min_size=4, max_size=4), directory=st.lists(therapists, max_size=20), prefs=preferences)
def test_the_listing_ranking_in_one_state_agrees_with_scoring_rank_over_points_and_ranges(
    palette: list[dict[str, int]], directory: list[tuple[int, tuple[str, ...], str]], prefs: dict[str, Any]
) -> None:
    fill_directory(palette, directory)

    in_sql = list(Listing.objects.filter(state="CA").ranked(prefs).values_list("therapist_id", "fit"))
    candidates = Therapist.objects.published().filter(licensed_states="CA")
    in_python = scoring.rank(prefs, [(t.pk, t.style()) for t in candidates])

    assert [pk for pk, _ in in_sql] == [pk for pk, _ in in_python]
    assert all(abs(a - b) < 1e-9 for (_, a), (_, b) in zip(in_sql, in_python, strict=True))


def test_equal_scores_are_ordered_by_therapist_id_whatever_order_the_rows_went_in() -> None:
    # Created highest id first, so that the table's own row order is the reverse of id order.
    for pk in (30, 20, 10):
        make_therapist(pk=pk, name=f"Therapist {pk}", directness=4)
    make_therapist(pk=5, name="Farther off", directness=1)

    ranked = list(Listing.objects.filter(state="CA").ranked({"directness": (4, 3)}).values_list("therapist_id", "fit"))

    assert ranked == [(10, 100.0), (20, 100.0), (30, 100.0), (5, 50.0)]


def test_sql_ranking_scores_everyone_100_when_nothing_is_weighted_and_orders_by_id() -> None:
    for pk in (7, 3, 5):
        make_therapist(pk=pk, name=f"Therapist {pk}", directness=pk)
    prefs = dict.fromkeys(DIMENSION_KEYS[:3], (None, 3)) | dict.fromkeys(DIMENSION_KEYS[3:], (2, 0))

    ranked = list(Listing.objects.filter(state="CA").ranked(prefs).values_list("therapist_id", "fit"))

    assert ranked == [(3, 100.0), (5, 100.0), (7, 100.0)]


def test_a_point_inside_a_therapists_range_is_no_distance_and_outside_it_counts_from_the_nearer_end() -> None:
    make_therapist(pk=1, name="Ranged", directness=3, directness_high=5)
    make_therapist(pk=2, name="Pointed", directness=4)

    inside = dict(Listing.objects.filter(state="CA").ranked({"directness": (5, 2)}).values_list("therapist_id", "fit"))
    outside = dict(Listing.objects.filter(state="CA").ranked({"directness": (7, 2)}).values_list("therapist_id", "fit"))

    assert inside == {1: 100.0, 2: 100.0 * (1 - 1 / 6)}
    assert outside == {1: 100.0 * (1 - 2 / 6), 2: 50.0}


def test_dimensions_without_weight_are_left_out_of_the_sql() -> None:
    make_therapist(directness=7)
    prefs = {
        "directness": (7, 3),
        "responsiveness": (2, 0),  # importance 0
        "approach": (None, 3),  # no preferred point
        # structure, challenge and intensity are missing altogether
    }
    sql = str(Listing.objects.filter(state="CA").ranked(prefs).values("therapist_id", "fit").query)

    assert "directness" in sql
    for left_out in ("responsiveness", "approach", "structure", "challenge", "intensity"):
        assert left_out not in sql


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(palette=st.lists(styles, min_size=4, max_size=4), directory=st.lists(therapists, max_size=30), prefs=preferences)
def test_the_results_pages_own_statement_ranks_as_the_orm_and_scoring_do(
    palette: list[dict[str, int]], directory: list[tuple[int, tuple[str, ...], str]], prefs: dict[str, Any]
) -> None:
    fill_directory(palette, directory)
    in_state = compiled(Q(state="CA"))

    by_hand = rank_page(in_state, prefs, 0) + rank_page(in_state, prefs, PAGE_SIZE)  # two pages, ties across them
    by_orm = list(Listing.objects.filter(state="CA").ranked(prefs).values_list("therapist_id", "fit")[: 2 * PAGE_SIZE])
    candidates = Therapist.objects.published().filter(licensed_states="CA")
    in_python = scoring.rank(prefs, [(t.pk, t.style()) for t in candidates])[: 2 * PAGE_SIZE]

    assert [row[0] for row in by_hand] == [pk for pk, _ in by_orm] == [pk for pk, _ in in_python]
    assert all(row[1] == fit for row, (_, fit) in zip(by_hand, by_orm, strict=True))  # the very same floats
    assert all(abs(row[1] - fit) < 1e-9 for row, (_, fit) in zip(by_hand, in_python, strict=True))
    listings = {listing.therapist_id: listing for listing in Listing.objects.filter(state="CA")}
    for therapist_id, _, *columns in by_hand:  # each row carries its listing's masks and scales, in PAGE_COLUMNS order
        assert columns == [getattr(listings[therapist_id], name) for name in PAGE_COLUMNS]
