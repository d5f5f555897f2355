"""Style as clients experience it: published from 5 clients on, moved only by 5 new ones, to the nearest half point."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from matchmaker.aggregates import Position, next_position
from matchmaker.alliance.rules import experienced_point, experienced_sentence

points = st.lists(st.integers(min_value=1, max_value=7), max_size=40)


def nearest_half(values: list[int]) -> Fraction:
    """Written apart from the module: the exact mean to the nearest half, a quarter going up."""
    halves = Fraction(sum(values) * 2, len(values))
    whole = halves.numerator // halves.denominator
    if halves - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole, 2)


def one_by_one(values: list[int]) -> list[Position | None]:
    shown: list[Position | None] = []
    current: Position | None = None
    for arrived in range(1, len(values) + 1):
        current = next_position(values[:arrived], new=arrived - (current.clients if current else 0), current=current)
        shown.append(current)
    return shown


@given(points)
def test_it_shows_nothing_until_five_clients_have_answered_the_scale(values: list[int]) -> None:
    for arrived, shown in enumerate(one_by_one(values), start=1):
        assert (shown is None) is (arrived < 5)


@given(points)
def test_one_new_check_in_never_changes_what_the_therapist_sees_unless_it_completes_a_batch_of_five(
    values: list[int],
) -> None:
    shown = one_by_one(values)
    for arrived in range(2, len(shown) + 1):
        before, after = shown[arrived - 2], shown[arrived - 1]
        if before is not None and after != before:
            assert after is not None
            assert after.clients - before.clients == 5


@given(points)
def test_a_published_position_is_the_mean_of_its_clients_to_the_nearest_half_point(values: list[int]) -> None:
    for shown in one_by_one(values):
        if shown is not None:
            assert Fraction(shown.mean) == nearest_half(values[: shown.clients])
            assert shown.mean * 2 == int(shown.mean * 2)


def test_a_quarter_rounds_up_to_the_next_half() -> None:
    assert next_position([4, 4, 4, 4, 4, 4, 5, 5], new=8, current=None) == Position(Decimal("4.5"), 8)  # 4.25
    assert next_position([5, 5, 5, 5, 5, 5, 4, 4], new=8, current=None) == Position(Decimal("5"), 8)  # 4.75
    assert next_position([4, 4, 4, 4, 5, 5, 5, 5], new=8, current=None) == Position(Decimal("4.5"), 8)


@given(st.integers(min_value=1, max_value=7), st.sampled_from([-2, -1, 0, 1, 2]))
def test_the_experienced_point_is_the_wanted_point_moved_by_the_answer_and_stays_on_the_scale(
    wanted: int, step: int
) -> None:
    assert experienced_point(wanted, step) == min(7, max(1, wanted + step))


def test_the_sentence_says_more_of_a_pole_only_from_one_point_outside_the_own_rating() -> None:
    assert (
        experienced_sentence("structure", 5.0, 4) == "Clients experience you as more structured than you rate yourself."
    )
    assert experienced_sentence("structure", 4.5, 4) == "Clients experience you about where you place yourself."
    assert (
        experienced_sentence("structure", 2.5, (4, 5))
        == "Clients experience you as more open-ended than you rate yourself."
    )
    assert experienced_sentence("structure", 3.5, (4, 5)) == "Clients experience you about where you place yourself."
    assert experienced_sentence("structure", 5.5, (4, 5)) == "Clients experience you about where you place yourself."
