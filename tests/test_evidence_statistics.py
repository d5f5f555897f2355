"""The statistics behind "does fit predict the first session?". Pure: no database."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from matchmaker.evidence import bands, correlation, pearson

# Fit scores and alliance totals: 0..100, to two decimals at most.
values = st.floats(min_value=0, max_value=100).map(lambda value: round(value, 2))
pairs = st.lists(st.tuples(values, values), min_size=4, max_size=60)


@given(st.lists(values, min_size=2, max_size=50, unique=True), st.floats(0.1, 10), st.floats(-50, 50))
def test_a_perfectly_linear_set_correlates_exactly_1(xs: list[float], slope: float, intercept: float) -> None:
    ys = [slope * x + intercept for x in xs]
    assume(len(set(ys)) > 1)
    assert pearson(xs, ys) == pytest.approx(1.0)


@given(st.lists(values, min_size=2, max_size=50, unique=True), st.floats(0.1, 10))
def test_a_falling_line_correlates_exactly_minus_1(xs: list[float], slope: float) -> None:
    ys = [-slope * x for x in xs]
    assume(len(set(ys)) > 1)
    assert pearson(xs, ys) == pytest.approx(-1.0)


@given(pairs)
def test_r_lies_inside_its_interval_and_both_inside_minus_1_to_1(rows: list[tuple[float, float]]) -> None:
    xs, ys = [x for x, _ in rows], [y for _, y in rows]
    result = correlation(xs, ys)
    assume(result is not None)
    assert result is not None
    assert -1.0 <= result.low <= result.r <= result.high <= 1.0


def test_it_matches_a_worked_example() -> None:
    # Worked by hand: x = 1..5, y = 2, 4, 5, 4, 5 gives r = 6 / sqrt(10 × 6) = 0.7746.
    xs, ys = [1, 2, 3, 4, 5], [2, 4, 5, 4, 5]
    assert pearson(xs, ys) == pytest.approx(6 / math.sqrt(60))
    result = correlation(xs, ys)
    assert result is not None
    # Fisher: z = atanh(0.7746) = 1.0317; ± 1.96 / sqrt(2) = 1.3859 → tanh(-0.354), tanh(2.418).
    assert result.low == pytest.approx(-0.340, abs=0.001)
    assert result.high == pytest.approx(0.984, abs=0.001)


def test_it_says_nothing_without_spread_or_pairs() -> None:
    assert pearson([], []) is None
    assert pearson([1.0], [2.0]) is None
    assert pearson([1, 2, 3], [4, 4, 4]) is None
    assert correlation([1, 2, 3], [1, 2, 4]) is None  # three pairs give no interval


def test_the_interval_narrows_as_check_ins_accumulate() -> None:
    xs = [float(i % 10) for i in range(200)]
    ys = [x + (1 if i % 3 else -2) for i, x in enumerate(xs)]
    few, many = correlation(xs[:20], ys[:20]), correlation(xs, ys)
    assert few and many
    assert (many.high - many.low) < (few.high - few.low)


def test_it_sorts_check_ins_into_fit_bands_with_100_in_the_top_one() -> None:
    rows = [(59.9, 2.0, False), (60.0, 3.0, True), (79.9, 4.0, False), (80.0, 5.0, True), (100.0, 6.0, True)]
    under, middle, top = bands(rows)
    assert (under.n, under.mean_alliance, under.share_not_right) == (1, 2.0, 1.0)
    assert (middle.n, middle.mean_alliance, middle.share_not_right) == (2, 3.5, 0.5)
    assert (top.n, top.mean_alliance, top.share_not_right) == (2, 5.5, 0.0)


def test_an_empty_band_has_no_mean() -> None:
    under, middle, top = bands([(90.0, 5.0, True)])
    assert under.n == 0 and under.mean_alliance is None and under.share_not_right is None
