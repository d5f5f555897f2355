"""The published check-in figure: never from fewer than 5 clients, only moved by 5 new ones, rounded half up."""

from __future__ import annotations

import datetime
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from matchmaker.aggregates import Figure, counts, next_figure

QUESTIONS = 3
answer = st.lists(st.integers(min_value=0, max_value=4), min_size=QUESTIONS, max_size=QUESTIONS)
arrivals = st.lists(answer, max_size=40)


def rounded_mean(column: list[int]) -> Fraction:
    """Written apart from the module: the exact mean, rounded to tenths with halves going up."""
    tenths = Fraction(sum(column) * 10, len(column))
    whole = tenths.numerator // tenths.denominator
    if tenths - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole, 10)


def publish_one_by_one(answers: list[list[int]]) -> list[Figure | None]:
    """The figure after each check-in arrives, as the site computes it."""
    figures: list[Figure | None] = []
    current: Figure | None = None
    for arrived in range(1, len(answers) + 1):
        new = arrived - (current.clients if current else 0)
        current = next_figure(answers[:arrived], new=new, current=current)
        figures.append(current)
    return figures


@given(arrivals)
def test_it_never_publishes_a_figure_from_fewer_than_five_clients(answers: list[list[int]]) -> None:
    for arrived, figure in enumerate(publish_one_by_one(answers), start=1):
        if arrived < 5:
            assert figure is None
        else:
            assert figure is not None
            assert figure.clients >= 5


@given(arrivals)
def test_one_new_check_in_only_moves_the_figure_when_it_completes_a_batch_of_five(answers: list[list[int]]) -> None:
    figures = publish_one_by_one(answers)
    # How many clients each figure was drawn from, arrival by arrival, and where that moved.
    drawn_from = [figure.clients if figure else 0 for figure in figures]
    moves = [after for before, after in zip([0, *drawn_from], drawn_from, strict=False) if after != before]
    # First at 5 clients, then at every 5 more: 5, 10, 15, ...; never in between.
    assert moves == [5 * (index + 1) for index in range(len(moves))]
    assert len(moves) == len(answers) // 5


@given(arrivals)
def test_the_figure_is_the_mean_of_everyone_counted_rounded_half_up(answers: list[list[int]]) -> None:
    for figure in publish_one_by_one(answers):
        if figure is None:
            continue
        counted = answers[: figure.clients]
        expected = [rounded_mean([row[q] for row in counted]) for q in range(QUESTIONS)]
        assert [Fraction(m) for m in figure.means] == expected


def test_it_rounds_halves_up_and_keeps_the_order_of_the_questions() -> None:
    figure = next_figure([[0, 10], [0, 10], [0, 10], [0, 9], [1, 9]], new=5, current=None)
    # 1/5 = 0.2 exactly; 48/5 = 9.6 exactly; and a half: 0.25 → 0.3, 9.75 → 9.8.
    assert figure is not None and [str(m) for m in figure.means] == ["0.2", "9.6"]
    halves = next_figure([[0, 10], [0, 10], [0, 9], [1, 10]] * 2, new=8, current=None)
    assert halves is not None and [str(m) for m in halves.means] == ["0.3", "9.8"]


def test_a_check_in_counts_only_a_day_or_more_after_a_request() -> None:
    now = datetime.datetime(2026, 1, 10, 12, tzinfo=datetime.UTC)
    assert counts(requested_at=now - datetime.timedelta(hours=24), checked_in_at=now)
    assert not counts(requested_at=now - datetime.timedelta(hours=23, minutes=59), checked_in_at=now)
    assert not counts(requested_at=None, checked_in_at=now)
