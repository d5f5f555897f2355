"""Fit between what a client asks for and how a therapist works.

Pure functions over plain data: no Django, no database, no settings. The same
formula runs in SQL (see ``matchmaker.matching.ranking``); a test keeps the two equal.

    fit = 100 × (1 − Σ wᵢ·|pᵢ − tᵢ| / (6 · Σ wᵢ))

over the dimensions the client weighted (importance > 0 and a preferred point
given); 100 when nothing is weighted. A therapist may answer a scale with a
range ("usually 3 to 5, it depends on the client"); the distance is then from
the client's point to the nearest end of the range, 0 inside it. A single point
is a range of width 0, so it scores exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any, Protocol

from matchmaker.dimensions import BY_KEY, DIMENSIONS, SCALE_MAX, SCALE_MIN

Preference = tuple[int | None, int]
Preferences = Mapping[str, Preference]
# A therapist's answer on one scale: a point, or a (low, high) range.
StyleValue = int | tuple[int, int]
Style = Mapping[str, StyleValue]


class _Orderable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


SPAN = SCALE_MAX - SCALE_MIN  # the largest possible distance on one track: 6
MAX_RANGE_WIDTH = 2  # "3 to 5" covers three points: the widest range a therapist may give


def as_range(value: StyleValue) -> tuple[int, int]:
    """A point is the range from itself to itself."""
    if isinstance(value, tuple):
        return value
    return (value, value)


def gap(point: int, value: StyleValue) -> int:
    """Distance from the client's point to the therapist's range: 0 inside it."""
    low, high = as_range(value)
    return max(low - point, point - high, 0)


def nearest(point: int, value: StyleValue) -> int:
    """The therapist's point closest to what the client asked for."""
    low, high = as_range(value)
    return min(max(point, low), high)


class Closeness(StrEnum):
    CLOSE = "close"
    PARTIAL = "partial"
    FAR = "far"


@dataclass(frozen=True)
class Reason:
    """How one weighted dimension contributes to the fit."""

    key: str
    title: str
    preferred: int
    therapist: int  # the point of the therapist's range nearest to the client's
    importance: int
    closeness: Closeness
    text: str
    therapist_range: tuple[int, int] | None = None  # set when the therapist answered with a range

    @property
    def distance(self) -> int:
        return abs(self.preferred - self.therapist)

    @property
    def weighted_gap(self) -> int:
        return self.importance * self.distance


def weighted_terms(preferences: Preferences, style: Style) -> list[tuple[str, int, StyleValue, int]]:
    """(key, preferred point, therapist point or range, weight) for every dimension that counts."""
    terms = []
    for dimension in DIMENSIONS:
        point, weight = preferences.get(dimension.key, (None, 0))
        if point is None or weight <= 0 or dimension.key not in style:
            continue
        terms.append((dimension.key, point, style[dimension.key], weight))
    return terms


def fit_score(preferences: Preferences, style: Style) -> float:
    terms = weighted_terms(preferences, style)
    total_weight = sum(weight for _, _, _, weight in terms)
    if total_weight == 0:
        return 100.0
    weighted_gap = sum(weight * gap(point, stands) for _, point, stands, weight in terms)
    return 100.0 * (1.0 - weighted_gap / (SPAN * total_weight))


def rank[ID: _Orderable](preferences: Preferences, candidates: Iterable[tuple[ID, Style]]) -> list[tuple[ID, float]]:
    """Candidates best first; equal scores ordered by id ascending."""
    scored = [(candidate_id, fit_score(preferences, style)) for candidate_id, style in candidates]
    scored.sort(key=lambda pair: pair[0])
    scored.sort(key=lambda pair: pair[1], reverse=True)  # stable: keeps id order within a score
    return scored


def closeness(distance: int) -> Closeness:
    if distance <= 1:
        return Closeness.CLOSE
    if distance <= 3:
        return Closeness.PARTIAL
    return Closeness.FAR


def point_words(low: str, high: str) -> dict[int, str]:
    """Every point of a track in plain words, from its two short pole names."""
    return {
        1: f"very {low}",
        2: low,
        3: f"leaning {low}",
        4: f"in the middle between {low} and {high}",
        5: f"leaning {high}",
        6: high,
        7: f"very {high}",
    }


POINT_WORDS = {dimension.key: point_words(dimension.short_low, dimension.short_high) for dimension in DIMENSIONS}


def describe_point(key: str, point: int) -> str:
    """A point on a track in plain words, e.g. 'leaning direct'."""
    return POINT_WORDS[key][point]


_LEAD = {
    Closeness.CLOSE: "Close match",
    Closeness.PARTIAL: "Partly fits",
    Closeness.FAR: "Far off",
}


def explain(preferences: Preferences, style: Style) -> list[Reason]:
    """One reason per weighted dimension, in registry order."""
    return [reason_for(key, point, stands, weight) for key, point, stands, weight in weighted_terms(preferences, style)]


# A reason follows from four small values, and a results page explains about a hundred of them: each is worked
# out once per process (Reason is frozen, so sharing one is safe). Six scales, seven points, a point or a range,
# and an importance make a few thousand possible reasons.
@lru_cache(maxsize=10_000)
def reason_for(key: str, point: int, stands: StyleValue, weight: int) -> Reason:
    """How a therapist standing at `stands` on scale `key` fits a client who asked for `point`, weighted `weight`."""
    level = closeness(gap(point, stands))
    low, high = as_range(stands)
    asked = describe_point(key, point)
    if low == high:
        they_are = describe_point(key, low)
    else:
        they_are = f"between {describe_point(key, low)} and {describe_point(key, high)}, depending on the client"
    title = BY_KEY[key].title
    text = f"{_LEAD[level]} on “{title.lower()}”: you asked for someone {asked}; they are {they_are}."
    span = (low, high) if low != high else None
    return Reason(key, title, point, nearest(point, stands), weight, level, text, span)


def strongest_reasons(reasons: Iterable[Reason], count: int = 2) -> list[Reason]:
    """The close matches that matter most to the client."""
    close = [r for r in reasons if r.closeness is Closeness.CLOSE]
    close.sort(key=lambda r: (-r.importance, r.distance))
    return close[:count]


def largest_difference(reasons: Iterable[Reason]) -> Reason | None:
    """The dimension that pulls the score down most, if any is not a close match."""
    apart = [r for r in reasons if r.closeness is not Closeness.CLOSE]
    if not apart:
        return None
    return max(apart, key=lambda r: (r.weighted_gap, r.importance))
