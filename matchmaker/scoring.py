"""Fit between what a client asks for and how a therapist works.

Pure functions over plain data: no Django, no database, no settings. The same
formula runs in SQL (see ``matchmaker.matching.ranking``); a test keeps the two equal.

    fit = 100 × (1 − Σ wᵢ·|pᵢ − tᵢ| / (6 · Σ wᵢ))

over the dimensions the client weighted (importance > 0 and a preferred point
given); 100 when nothing is weighted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from matchmaker.dimensions import BY_KEY, DIMENSIONS, SCALE_MAX, SCALE_MIN

Preference = tuple[int | None, int]
Preferences = Mapping[str, Preference]
Style = Mapping[str, int]


class _Orderable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


SPAN = SCALE_MAX - SCALE_MIN  # the largest possible distance on one track: 6


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
    therapist: int
    importance: int
    closeness: Closeness
    text: str

    @property
    def distance(self) -> int:
        return abs(self.preferred - self.therapist)

    @property
    def weighted_gap(self) -> int:
        return self.importance * self.distance


def weighted_terms(preferences: Preferences, style: Style) -> list[tuple[str, int, int, int]]:
    """(key, preferred point, therapist point, weight) for every dimension that counts."""
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
    gap = sum(weight * abs(point - stands) for _, point, stands, weight in terms)
    return 100.0 * (1.0 - gap / (SPAN * total_weight))


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


def describe_point(key: str, point: int) -> str:
    """A point on a track in plain words, e.g. 'leaning direct'."""
    dimension = BY_KEY[key]
    low, high = dimension.short_low, dimension.short_high
    words = {
        1: f"very {low}",
        2: low,
        3: f"leaning {low}",
        4: f"in the middle between {low} and {high}",
        5: f"leaning {high}",
        6: high,
        7: f"very {high}",
    }
    return words[point]


_LEAD = {
    Closeness.CLOSE: "Close match",
    Closeness.PARTIAL: "Partly fits",
    Closeness.FAR: "Far off",
}


def explain(preferences: Preferences, style: Style) -> list[Reason]:
    """One reason per weighted dimension, in registry order."""
    reasons = []
    for key, point, stands, weight in weighted_terms(preferences, style):
        level = closeness(abs(point - stands))
        asked, they_are = describe_point(key, point), describe_point(key, stands)
        title = BY_KEY[key].title
        text = f"{_LEAD[level]} on “{title.lower()}”: you asked for someone {asked}; they are {they_are}."
        reasons.append(Reason(key, title, point, stands, weight, level, text))
    return reasons


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
