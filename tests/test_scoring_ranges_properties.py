"""A therapist who answers a scale with a range ("usually 3 to 5") scores by the nearest end. Pure: no database."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from matchmaker.dimensions import DIMENSION_KEYS, IMPORTANCE_MAX, SCALE_MAX, SCALE_MIN
from matchmaker.scoring import Closeness, explain, fit_score, gap, rank

points = st.integers(min_value=SCALE_MIN, max_value=SCALE_MAX)
importances = st.integers(min_value=0, max_value=IMPORTANCE_MAX)
keys = st.sampled_from(DIMENSION_KEYS)
preferences = st.dictionaries(keys, st.tuples(st.none() | points, importances))


@st.composite
def ranges(draw: st.DrawFn) -> tuple[int, int]:
    low = draw(points)
    width = draw(st.integers(min_value=0, max_value=min(2, SCALE_MAX - low)))
    return (low, low + width)


range_styles = st.fixed_dictionaries(dict.fromkeys(DIMENSION_KEYS, ranges()))


def reference_distance(point: int, low: int, high: int) -> int:
    """Written out independently: how many steps from the point to reach the range."""
    steps = 0
    while not low <= point + steps <= high and not low <= point - steps <= high:
        steps += 1
    return steps


def reference_fit(prefs: dict[str, tuple[int | None, int]], style: dict[str, tuple[int, int]]) -> float:
    counted = {k: (p, w) for k, (p, w) in prefs.items() if p is not None and w > 0}
    total = sum(w for _, w in counted.values())
    if total == 0:
        return 100.0
    apart = sum(w * reference_distance(p, *style[k]) for k, (p, w) in counted.items())
    return 100.0 * (1.0 - apart / (6 * total))


@given(preferences, range_styles)
def test_it_follows_the_formula_with_ranges(
    prefs: dict[str, tuple[int | None, int]], style: dict[str, tuple[int, int]]
) -> None:
    assert abs(fit_score(prefs, style) - reference_fit(prefs, style)) < 1e-9


@given(preferences, st.fixed_dictionaries(dict.fromkeys(DIMENSION_KEYS, points)))
def test_a_range_of_width_0_scores_exactly_as_the_point(
    prefs: dict[str, tuple[int | None, int]], style: dict[str, int]
) -> None:
    as_ranges = {key: (point, point) for key, point in style.items()}
    assert fit_score(prefs, as_ranges) == fit_score(prefs, style)
    assert explain(prefs, as_ranges) == explain(prefs, style)


@given(preferences, range_styles, keys, st.sampled_from(["lower", "higher"]))
def test_widening_a_range_never_lowers_the_score(
    prefs: dict[str, tuple[int | None, int]], style: dict[str, tuple[int, int]], key: str, side: str
) -> None:
    low, high = style[key]
    wider = dict(style)
    wider[key] = (max(SCALE_MIN, low - 1), high) if side == "lower" else (low, min(SCALE_MAX, high + 1))
    assert fit_score(prefs, wider) >= fit_score(prefs, style)


@given(ranges(), st.data())
def test_a_point_inside_the_range_is_no_distance_from_it(span: tuple[int, int], data: st.DataObject) -> None:
    point = data.draw(st.integers(min_value=span[0], max_value=span[1]))
    assert gap(point, span) == 0


def test_it_counts_the_distance_to_the_nearest_end() -> None:
    assert gap(1, (3, 5)) == 2
    assert gap(7, (3, 5)) == 2
    assert gap(6, (3, 5)) == 1
    assert gap(4, 4) == 0
    assert gap(7, 1) == 6


def test_a_range_that_covers_the_clients_point_is_a_close_match_and_says_it_depends() -> None:
    [reason] = explain({"directness": (5, 3)}, {"directness": (3, 5)})
    assert reason.closeness is Closeness.CLOSE
    assert reason.therapist == 5
    assert reason.therapist_range == (3, 5)
    assert "between leaning gentle and leaning direct, depending on the client" in reason.text


def test_a_flexible_therapist_ranks_above_one_fixed_at_the_far_end_of_their_range() -> None:
    prefs = {"directness": (6, 3)}
    ranked = rank(prefs, [(1, {"directness": 4}), (2, {"directness": (4, 6)})])
    assert ranked == [(2, 100.0), (1, 100.0 * (1 - 2 / 6))]
