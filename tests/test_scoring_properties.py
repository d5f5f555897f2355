"""Rules the fit score keeps for every input. Pure: no database."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from matchmaker.dimensions import DIMENSION_KEYS, IMPORTANCE_MAX, SCALE_MAX, SCALE_MIN
from matchmaker.scoring import fit_score, rank

points = st.integers(min_value=SCALE_MIN, max_value=SCALE_MAX)
importances = st.integers(min_value=0, max_value=IMPORTANCE_MAX)
weights = st.integers(min_value=1, max_value=IMPORTANCE_MAX)
keys = st.sampled_from(DIMENSION_KEYS)

styles = st.fixed_dictionaries(dict.fromkeys(DIMENSION_KEYS, points))
# Any subset of the dimensions, each with a point or "no preference" and any importance.
preferences = st.dictionaries(keys, st.tuples(st.none() | points, importances))


def weighted(prefs: dict[str, tuple[int | None, int]]) -> dict[str, tuple[int, int]]:
    return {key: (point, weight) for key, (point, weight) in prefs.items() if point is not None and weight > 0}


def reference_fit(prefs: dict[str, tuple[int | None, int]], style: dict[str, int]) -> float:
    """The formula from the product brief, written out independently of the scoring module."""
    counted = weighted(prefs)
    total = sum(weight for _, weight in counted.values())
    if total == 0:
        return 100.0
    gap = sum(weight * abs(point - style[key]) for key, (point, weight) in counted.items())
    return 100.0 * (1.0 - gap / (6 * total))


@given(preferences, styles)
def test_it_always_scores_between_0_and_100(prefs: dict[str, tuple[int | None, int]], style: dict[str, int]) -> None:
    assert 0.0 <= fit_score(prefs, style) <= 100.0


@given(preferences, styles)
def test_it_follows_the_formula_in_the_product_brief(
    prefs: dict[str, tuple[int | None, int]], style: dict[str, int]
) -> None:
    assert abs(fit_score(prefs, style) - reference_fit(prefs, style)) < 1e-9


@given(preferences, styles)
def test_it_scores_an_exact_style_match_100(prefs: dict[str, tuple[int | None, int]], style: dict[str, int]) -> None:
    # The therapist stands exactly where the client asked, on every dimension with a preferred point.
    exact = dict(style)
    for key, (point, _) in prefs.items():
        if point is not None:
            exact[key] = point
    assert fit_score(prefs, exact) == 100.0


@given(keys, weights, st.sampled_from([SCALE_MIN, SCALE_MAX]), preferences, styles)
def test_it_scores_the_opposite_pole_on_the_only_weighted_dimension_0(
    key: str,
    weight: int,
    pole: int,
    noise: dict[str, tuple[int | None, int]],
    style: dict[str, int],
) -> None:
    # Every other dimension is unweighted, in one of the ways a client can leave it out.
    prefs = {other: (point, 0) for other, (point, _) in noise.items() if other != key}
    prefs[key] = (pole, weight)
    opposite = SCALE_MAX if pole == SCALE_MIN else SCALE_MIN
    assert fit_score(prefs, {**style, key: opposite}) == 0.0


@given(preferences, styles, styles, st.data())
def test_it_ignores_dimensions_the_client_did_not_weight(
    prefs: dict[str, tuple[int | None, int]],
    style: dict[str, int],
    other_style: dict[str, int],
    data: st.DataObject,
) -> None:
    counted = weighted(prefs)
    # Rewrite every unweighted dimension: drop it, zero its importance or clear its point.
    rewritten: dict[str, tuple[int | None, int]] = dict(counted)
    for key in DIMENSION_KEYS:
        if key in counted:
            continue
        how = data.draw(st.sampled_from(["missing", "importance 0", "no point"]))
        if how == "importance 0":
            rewritten[key] = (data.draw(points), 0)
        elif how == "no point":
            rewritten[key] = (None, data.draw(importances))
    # Where the therapist stands on unweighted dimensions does not matter either.
    moved = {key: (style[key] if key in counted else other_style[key]) for key in DIMENSION_KEYS}
    assert fit_score(rewritten, moved) == fit_score(prefs, style)
    assert fit_score(counted, style) == fit_score(prefs, style)


@given(preferences, styles, keys, points, importances, st.integers(min_value=1, max_value=SCALE_MAX - SCALE_MIN))
def test_moving_a_therapist_one_step_toward_the_preference_never_lowers_the_score(
    prefs: dict[str, tuple[int | None, int]],
    style: dict[str, int],
    key: str,
    point: int,
    weight: int,
    offset: int,
) -> None:
    # The therapist stands `offset` steps away from the preferred point, on whichever side fits the scale.
    stands = point + offset if point + offset <= SCALE_MAX else point - offset
    assume(SCALE_MIN <= stands <= SCALE_MAX)
    prefs = {**prefs, key: (point, weight)}
    style = {**style, key: stands}
    closer = {**style, key: stands + (1 if point > stands else -1)}

    before, after = fit_score(prefs, style), fit_score(prefs, closer)
    assert after >= before
    if weight > 0:
        assert after > before


@given(preferences, styles)
def test_it_scores_100_when_nothing_is_weighted(
    prefs: dict[str, tuple[int | None, int]], style: dict[str, int]
) -> None:
    unweighted = {key: (point, 0) for key, (point, _) in prefs.items()}
    assert fit_score(unweighted, style) == 100.0
    assert fit_score({}, style) == 100.0
    assert fit_score({key: (None, weight) for key, (_, weight) in prefs.items()}, style) == 100.0


candidates = st.lists(styles, max_size=12).flatmap(
    lambda many: st.permutations(list(range(len(many)))).map(lambda ids: list(zip(ids, many, strict=True)))
)


@given(preferences, candidates)
def test_rank_returns_the_best_first_and_equal_scores_by_id(
    prefs: dict[str, tuple[int | None, int]], people: list[tuple[int, dict[str, int]]]
) -> None:
    ranked = rank(prefs, people)

    assert sorted(candidate_id for candidate_id, _ in ranked) == sorted(candidate_id for candidate_id, _ in people)
    for (first_id, first_score), (next_id, next_score) in zip(ranked, ranked[1:], strict=False):
        assert first_score >= next_score
        if first_score == next_score:
            assert first_id < next_id


@given(preferences, candidates)
def test_rank_agrees_with_sorting_by_fit_score(
    prefs: dict[str, tuple[int | None, int]], people: list[tuple[int, dict[str, int]]]
) -> None:
    expected = sorted(
        ((candidate_id, fit_score(prefs, style)) for candidate_id, style in people),
        key=lambda pair: (-pair[1], pair[0]),
    )
    assert rank(prefs, people) == expected


@given(preferences, st.lists(styles, min_size=2, max_size=6, unique_by=lambda s: tuple(s.values())))
def test_rank_works_with_any_orderable_id(prefs: dict[str, tuple[int | None, int]], many: list[dict[str, int]]) -> None:
    # Same styles under string ids: the same ranking, id ties broken alphabetically.
    by_int = rank(prefs, list(enumerate(many)))
    by_str = rank(prefs, [(f"t{index:02d}", style) for index, style in enumerate(many)])
    assert [f"t{index:02d}" for index, _ in by_int] == [name for name, _ in by_str]
