"""Averages of check-in answers that cannot be differenced: the rule, over plain data.

A figure is published only from MIN_CLIENTS different clients on, and then only
changes once BATCH more clients have checked in since it was published, so no one
new check-in ever moves it and no one client's answers can be read off two
figures. Only check-ins that follow a consultation request made at least
REQUEST_AGE earlier count, so a therapist cannot quickly fill a batch with their
own private links. Nothing here knows the questions: a check-in is a list of
numbers, one per question.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MIN_CLIENTS = 5  # different clients before any figure is shown
BATCH = 5  # new clients before a shown figure changes
REQUEST_AGE = datetime.timedelta(hours=24)  # how long a request must have waited before its check-in counts
PLACES = Decimal("0.1")  # figures are shown to one decimal place


@dataclass(frozen=True)
class Figure:
    """A published figure: the mean answer to each question, over this many clients."""

    means: tuple[Decimal, ...]
    clients: int


def counts(*, requested_at: datetime.datetime | None, checked_in_at: datetime.datetime) -> bool:
    """Whether a check-in counts: it follows a request to that therapist made REQUEST_AGE before it or earlier."""
    return requested_at is not None and requested_at <= checked_in_at - REQUEST_AGE


def mean(column: Sequence[int]) -> Decimal:
    """The mean, rounded half up to PLACES."""
    return (Decimal(sum(column)) / Decimal(len(column))).quantize(PLACES, rounding=ROUND_HALF_UP)


def next_figure(answers: Sequence[Sequence[int]], *, new: int, current: Figure | None) -> Figure | None:
    """The figure to publish now.

    answers holds every counting check-in, one list of numbers each; new says how many
    of them arrived after the current figure was published (all of them when there is none).
    """
    if current is not None and new < BATCH:
        return current
    if len(answers) < MIN_CLIENTS:
        return current
    columns = list(zip(*answers, strict=True))
    return Figure(means=tuple(mean(column) for column in columns), clients=len(answers))


# --- Style as clients experience it: one mean point per therapist and scale ---

HALF_POINTS = Decimal("0.5")  # an experienced position is shown to the nearest half point


@dataclass(frozen=True)
class Position:
    """A published experienced position on one scale, over this many clients."""

    mean: Decimal
    clients: int


def half_point(value: Decimal) -> Decimal:
    """value rounded to the nearest half point, halves of a half rounded up."""
    return (value * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2


def next_position(points: Sequence[int], *, new: int, current: Position | None) -> Position | None:
    """The experienced position to publish now, by the same rule as next_figure.

    points holds one experienced point per counting check-in (each from a different client);
    new says how many of them arrived after the current position was published.
    """
    if current is not None and new < BATCH:
        return current
    if len(points) < MIN_CLIENTS:
        return current
    return Position(mean=half_point(Decimal(sum(points)) / Decimal(len(points))), clients=len(points))
