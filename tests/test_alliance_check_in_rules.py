"""Our own check-in: when it did not feel right, and what change it proposes. Pure: no database."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from matchmaker.alliance.rules import (
    ALLIANCE_MAX,
    ALLIANCE_QUESTIONS,
    alliance_total,
    experienced_point,
    felt_right,
    propose_change,
    style_answer_choices,
)
from matchmaker.dimensions import DIMENSION_KEYS

answers = st.fixed_dictionaries({q.key: st.integers(0, 4) for q in ALLIANCE_QUESTIONS})
again = st.sampled_from(["yes", "unsure", "no"])


def test_it_asks_three_questions_of_its_own_on_a_five_point_scale() -> None:
    assert [q.key for q in ALLIANCE_QUESTIONS] == ["bond", "goals", "tasks"]
    assert ALLIANCE_MAX == 12


def test_a_good_session_feels_right() -> None:
    assert felt_right({"bond": 3, "goals": 4, "tasks": 3}, "yes")
    assert felt_right({"bond": 2, "goals": 2, "tasks": 2}, "unsure")


def test_one_weak_part_is_enough_to_say_it_did_not_feel_right() -> None:
    assert not felt_right({"bond": 4, "goals": 4, "tasks": 1}, "yes")
    assert not felt_right({"bond": 0, "goals": 4, "tasks": 4}, "yes")


def test_not_wanting_to_go_back_never_feels_right() -> None:
    assert not felt_right({"bond": 4, "goals": 4, "tasks": 4}, "no")


@given(answers, again)
def test_the_rule_reads_the_weakest_part_and_the_verdict(given_answers: dict[str, int], verdict: str) -> None:
    expected = verdict != "no" and all(value >= 2 for value in given_answers.values())
    assert felt_right(given_answers, verdict) is expected
    assert 0 <= alliance_total(given_answers) <= ALLIANCE_MAX


def test_style_answers_use_the_scale_s_own_poles() -> None:
    assert style_answer_choices("directness") == [
        (-2, "much more gentle"),
        (-1, "a bit more gentle"),
        (0, "about right"),
        (1, "a bit more direct"),
        (2, "much more direct"),
    ]


@given(st.integers(1, 7), st.integers(-2, 2))
def test_the_experienced_point_stays_on_the_scale(wanted: int, step: int) -> None:
    assert 1 <= experienced_point(wanted, step) <= 7
    if 1 <= wanted + step <= 7:
        assert experienced_point(wanted, step) == wanted + step


def test_more_direct_than_wanted_proposes_one_step_gentler() -> None:
    proposal = propose_change({"directness": 6, "approach": 3}, {"directness": 2, "approach": 0})
    assert proposal is not None
    assert (proposal.key, proposal.current, proposal.proposed) == ("directness", 6, 5)
    assert proposal.text == "You found them more direct than you wanted. Move “Gentle or direct” from 6 to 5?"


def test_about_right_everywhere_proposes_nothing() -> None:
    assert propose_change({"directness": 6}, {"directness": 0}) is None


def test_the_largest_gap_wins_and_ties_go_to_the_first_scale() -> None:
    wanted = dict.fromkeys(DIMENSION_KEYS, 4)
    assert propose_change(wanted, {"intensity": -2, "structure": 1}).key == "intensity"  # type: ignore[union-attr]
    assert propose_change(wanted, {"intensity": 1, "structure": -1}).key == "structure"  # type: ignore[union-attr]


def test_nothing_is_proposed_past_the_end_of_the_scale() -> None:
    # They wanted the most direct there is and still found the therapist too gentle: nowhere to move.
    assert propose_change({"directness": 7}, {"directness": -2}) is None


def test_a_scale_already_at_its_end_gives_way_to_the_next_one_that_can_move() -> None:
    # Wanted 1 on directness and found them much more direct: there is no lower point to move to,
    # so the smaller answer on structure is the one proposed.
    proposal = propose_change({"directness": 1, "structure": 5}, {"directness": 2, "structure": -1})

    assert proposal is not None
    assert (proposal.key, proposal.current, proposal.proposed) == ("structure", 5, 6)
