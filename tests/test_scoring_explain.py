"""What the results page says about each match: reasons, the strongest ones and the largest difference."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matchmaker.dimensions import DIMENSION_KEYS, DIMENSIONS, SCALE_MAX, SCALE_MIN
from matchmaker.scoring import Closeness, Reason, explain, fit_score, largest_difference, strongest_reasons

MIDDLE_STYLE = dict.fromkeys(DIMENSION_KEYS, 4)


def reason(key: str, preferred: int, therapist: int, importance: int) -> Reason:
    """One reason as explain() builds it for a single weighted dimension."""
    (only,) = explain({key: (preferred, importance)}, {**MIDDLE_STYLE, key: therapist})
    return only


def test_it_gives_one_reason_per_weighted_dimension_in_registry_order() -> None:
    # Listed out of registry order on purpose; two are unweighted in different ways.
    prefs = {
        "intensity": (2, 1),
        "directness": (6, 3),
        "structure": (None, 3),
        "challenge": (5, 0),
        "responsiveness": (1, 2),
    }
    reasons = explain(prefs, MIDDLE_STYLE)

    assert [r.key for r in reasons] == ["directness", "responsiveness", "intensity"]
    assert [r.title for r in reasons] == [
        d.title for d in DIMENSIONS if d.key in {"directness", "responsiveness", "intensity"}
    ]
    assert [(r.preferred, r.therapist, r.importance) for r in reasons] == [(6, 4, 3), (1, 4, 2), (2, 4, 1)]


def test_it_gives_no_reasons_when_nothing_is_weighted() -> None:
    assert explain({}, MIDDLE_STYLE) == []
    assert explain(dict.fromkeys(DIMENSION_KEYS, (None, 3)), MIDDLE_STYLE) == []
    assert explain(dict.fromkeys(DIMENSION_KEYS, (7, 0)), MIDDLE_STYLE) == []


@pytest.mark.parametrize(
    ("preferred", "therapist", "expected"),
    [
        (4, 4, Closeness.CLOSE),
        (4, 5, Closeness.CLOSE),
        (5, 4, Closeness.CLOSE),
        (1, 3, Closeness.PARTIAL),
        (7, 4, Closeness.PARTIAL),
        (1, 5, Closeness.FAR),
        (7, 2, Closeness.FAR),
        (1, 7, Closeness.FAR),
    ],
)
def test_it_calls_a_distance_of_at_most_1_close_2_or_3_partial_and_more_far(
    preferred: int, therapist: int, expected: Closeness
) -> None:
    assert reason("approach", preferred, therapist, 2).closeness is expected


@given(
    st.sampled_from(DIMENSION_KEYS),
    st.integers(SCALE_MIN, SCALE_MAX),
    st.integers(SCALE_MIN, SCALE_MAX),
    st.integers(1, 3),
)
def test_every_reason_sentence_leads_with_its_closeness_and_names_its_dimension(
    key: str, preferred: int, therapist: int, importance: int
) -> None:
    made = reason(key, preferred, therapist, importance)
    lead = {Closeness.CLOSE: "Close match", Closeness.PARTIAL: "Partly fits", Closeness.FAR: "Far off"}
    assert made.text.startswith(f"{lead[made.closeness]} on “{made.title.lower()}”")
    assert made.distance == abs(preferred - therapist)
    assert made.weighted_gap == importance * abs(preferred - therapist)


def test_a_worked_example_by_hand() -> None:
    prefs = {
        "directness": (7, 3),  # very direct, matters a lot
        "approach": (2, 1),  # coping skills, matters a little
        "structure": (None, 3),  # no preference: ignored
        "challenge": (4, 0),  # doesn't matter: ignored
    }
    style = {"directness": 5, "responsiveness": 1, "approach": 6, "structure": 7, "challenge": 1, "intensity": 7}
    # Weighted: directness w=3, |7-5|=2; approach w=1, |2-6|=4.
    # gap = 3·2 + 1·4 = 10; Σw = 4; fit = 100 × (1 − 10 / (6·4)) = 100 × 14/24 = 58.333…
    assert fit_score(prefs, style) == pytest.approx(58.33333333333333, abs=1e-9)

    directness, approach = explain(prefs, style)
    assert directness.closeness is Closeness.PARTIAL  # distance 2
    assert directness.text == (
        "Partly fits on “gentle or direct”: you asked for someone very direct; they are leaning direct."
    )
    assert approach.closeness is Closeness.FAR  # distance 4
    assert approach.text == (
        "Far off on “coping skills or old patterns”: you asked for someone skills-focused; they are depth-focused."
    )
    # Nothing is a close match, so there is no strongest reason...
    assert strongest_reasons([directness, approach]) == []
    # ...and the largest difference is directness: weighted gap 6 against approach's 4.
    assert largest_difference([directness, approach]) == directness


def test_a_second_worked_example_with_a_middle_point() -> None:
    prefs = {"responsiveness": (4, 2), "intensity": (1, 2), "challenge": (3, 1)}
    style = {**MIDDLE_STYLE, "responsiveness": 4, "intensity": 2, "challenge": 7}
    # gap = 2·0 + 1·4 + 2·1 = 6 (registry order: responsiveness, challenge, intensity); Σw = 5
    # fit = 100 × (1 − 6/30) = 80
    assert fit_score(prefs, style) == pytest.approx(80.0, abs=1e-9)
    responsiveness, challenge, intensity = explain(prefs, style)
    assert responsiveness.text == (
        "Close match on “quiet or conversational”: "
        "you asked for someone in the middle between quiet and conversational; "
        "they are in the middle between quiet and conversational."
    )
    assert challenge.closeness is Closeness.FAR
    assert intensity.text == (
        "Close match on “calm or emotionally intense”: you asked for someone very calm; they are calm."
    )


def test_strongest_reasons_are_the_close_matches_that_matter_most() -> None:
    reasons = [
        reason("directness", 5, 5, 1),  # close, importance 1
        reason("responsiveness", 3, 4, 3),  # close, importance 3, distance 1
        reason("approach", 2, 2, 3),  # close, importance 3, distance 0
        reason("structure", 1, 7, 3),  # far: never a strongest reason
        reason("challenge", 6, 4, 3),  # partial: never a strongest reason
    ]
    assert [r.key for r in strongest_reasons(reasons)] == ["approach", "responsiveness"]
    assert [r.key for r in strongest_reasons(reasons, count=3)] == ["approach", "responsiveness", "directness"]
    assert [r.key for r in strongest_reasons(reasons, count=1)] == ["approach"]


def test_there_are_no_strongest_reasons_without_a_close_match() -> None:
    assert strongest_reasons([reason("directness", 1, 4, 3), reason("intensity", 7, 1, 1)]) == []


def test_largest_difference_is_the_biggest_weighted_gap_among_the_not_close() -> None:
    reasons = [
        reason("directness", 1, 2, 3),  # close: never the largest difference, whatever its weight
        reason("approach", 1, 5, 1),  # far, weighted gap 1·4 = 4
        reason("structure", 2, 5, 2),  # partial, weighted gap 2·3 = 6
        reason("intensity", 7, 5, 2),  # partial, weighted gap 2·2 = 4
    ]
    assert largest_difference(reasons) == reasons[2]


def test_largest_difference_breaks_a_tie_in_weighted_gap_by_importance() -> None:
    far_but_minor = reason("approach", 1, 7, 1)  # weighted gap 1·6 = 6
    partial_but_major = reason("structure", 4, 6, 3)  # weighted gap 3·2 = 6
    assert largest_difference([far_but_minor, partial_but_major]) == partial_but_major
    assert largest_difference([partial_but_major, far_but_minor]) == partial_but_major


def test_there_is_no_largest_difference_when_everything_is_close() -> None:
    assert largest_difference([reason("directness", 3, 4, 3), reason("approach", 6, 6, 1)]) is None
    assert largest_difference([]) is None
