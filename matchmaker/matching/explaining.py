"""Plain words and style tracks for a therapist next to a client's answers.

Django-free, and the one home of the sentences that explain a match: the
words come from the dimension registry and, for a point on a track and the
per-scale reason, from the scoring module, so a card, a profile, the compare
page and the review of a client's answers all say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from matchmaker.dimensions import BY_KEY, DIMENSIONS, IMPORTANCE_CHOICES, SCALE_MAX, SCALE_MIDDLE, SCALE_MIN, Dimension
from matchmaker.scoring import Preferences, Reason, StyleValue, as_range, describe_point

MATTERS = {weight: label.lower() for weight, label in IMPORTANCE_CHOICES}


def matters(importance: int) -> str:
    """How much a dimension matters, as a phrase: 'this matters a lot to you'."""
    if importance <= 0:
        return "this does not matter to you"
    return f"this matters {MATTERS[importance]} to you"


@dataclass(frozen=True)
class StyleCounting:
    """Which style scales rank the client's matches, and how much, in plain words."""

    counting: list[tuple[str, str]]  # (title, how much) for every weighted scale
    no_preference: list[str]
    not_mattering: list[str]

    @property
    def nothing_weighted(self) -> bool:
        return not self.counting

    @property
    def text(self) -> str:
        """E.g. 'Counting: Gentle or direct (a lot). Not counting: Quiet or conversational (no preference).'"""
        if not self.counting:
            return (
                "Style is not ranking anyone: no scale has both a point you chose and an importance above “not at all”."
            )
        said = ", ".join(f"{title} ({how_much})" for title, how_much in self.counting)
        parts = []
        if self.no_preference:
            parts.append(f"{', '.join(self.no_preference)} (no preference)")
        if self.not_mattering:
            parts.append(f"{', '.join(self.not_mattering)} (does not matter to you)")
        if not parts:
            return f"Counting: {said}. Every scale counts."
        return f"Counting: {said}. Not counting: {'; '.join(parts)}."


def style_counting(preferences: Preferences) -> StyleCounting:
    counting, no_preference, not_mattering = [], [], []
    for dimension in DIMENSIONS:
        point, importance = preferences.get(dimension.key, (None, 0))
        if point is None:
            no_preference.append(dimension.title)
        elif importance <= 0:
            not_mattering.append(dimension.title)
        else:
            counting.append((dimension.title, MATTERS[importance]))
    return StyleCounting(counting, no_preference, not_mattering)


def describe_answer(dimension: Dimension, point: int | None) -> str:
    """A client's own answer on a scale, as their review page lists it: '2 of 7: leaning towards gentle'."""
    if point is None:
        return "No preference"
    if point == SCALE_MIN:
        return f"{point} of {SCALE_MAX}: {dimension.client_low}"
    if point == SCALE_MAX:
        return f"{point} of {SCALE_MAX}: {dimension.client_high}"
    if point == SCALE_MIDDLE:
        return f"{point} of {SCALE_MAX}: in the middle"
    leaning = dimension.short_low if point < SCALE_MIDDLE else dimension.short_high
    return f"{point} of {SCALE_MAX}: leaning towards {leaning}"


def describe_stand(key: str, low: int, high: int) -> str:
    """Where a therapist stands: a point, or a range that depends on the client."""
    if low == high:
        return describe_point(key, low)
    return f"between {describe_point(key, low)} and {describe_point(key, high)}, depending on the client"


def _stands(reason: Reason) -> str:
    low, high = reason.therapist_range or (reason.therapist, reason.therapist)
    return describe_stand(reason.key, low, high)


# The words for a reason never change, and a page of twenty cards asks for many of the same: kept.
@lru_cache(maxsize=20_000)
def why_it_fits(reason: Reason) -> str:
    """One of the strongest reasons, in plain words."""
    asked, stands = describe_point(reason.key, reason.preferred), _stands(reason)
    how_much = matters(reason.importance).capitalize()
    if reason.distance == 0:
        return f"{reason.title}: right where you asked ({stands}). {how_much}."
    wanted = f"you asked for someone {asked}; they are {stands}"
    return f"{reason.title}: one step from where you asked ({wanted}). {how_much}."


@lru_cache(maxsize=20_000)
def where_you_differ(reason: Reason) -> str:
    """The largest difference, in plain words."""
    asked, stands = describe_point(reason.key, reason.preferred), _stands(reason)
    steps = "step" if reason.distance == 1 else "steps"
    how_much = matters(reason.importance).capitalize()
    wanted = f"you asked for someone {asked}; they are {stands}"
    return f"{reason.title}: {wanted}, {reason.distance} {steps} apart. {how_much}."


def _x(point: int) -> float:
    """Where a point sits on a 0..100 wide line, leaving room for the markers at both ends."""
    return 8 + (point - SCALE_MIN) * 84 / (SCALE_MAX - SCALE_MIN)


@dataclass(frozen=True)
class StyleTrack:
    """One dimension for a profile: where the therapist stands and, if the client gave one, their preferred point.

    ``therapist`` is the therapist's point, or the low end of their range with ``therapist_high``
    its high end; both are None while the therapist has not answered the scale.
    """

    dimension: Dimension
    therapist: int | None
    preferred: int | None
    importance: int
    note: str
    therapist_high: int | None = None

    @property
    def is_range(self) -> bool:
        return self.therapist is not None and self.therapist_high is not None and self.therapist_high != self.therapist

    @property
    def therapist_x(self) -> float | None:
        return None if self.therapist is None else _x(self.therapist)

    @property
    def preferred_x(self) -> float | None:
        return None if self.preferred is None else _x(self.preferred)

    @property
    def therapist_words(self) -> str:
        if self.therapist is None:
            return "not answered yet"
        high = self.therapist_high if self.is_range else self.therapist
        assert high is not None
        return describe_stand(self.dimension.key, self.therapist, high)

    @property
    def preferred_words(self) -> str:
        if self.preferred is None:
            return "no preference"
        return describe_point(self.dimension.key, self.preferred)

    @property
    def summary(self) -> str:
        """The text equivalent of the drawing."""
        if self.therapist is None:
            they = "They have not answered this scale yet."
        elif self.is_range:
            they = f"They are from {self.therapist} to {self.therapist_high} of 7, {self.therapist_words}."
        else:
            they = f"They are at {self.therapist} of 7, {self.therapist_words}."
        if self.preferred is None:
            return they
        return f"{they} You asked for {self.preferred} of 7, {self.preferred_words}; {matters(self.importance)}."


def tracks_for(therapist: Any, preferences: Preferences | None) -> list[StyleTrack]:
    """All six tracks for a therapist row (anything with a point, a high end and a note attribute per dimension)."""
    style: dict[str, StyleValue | None] = {d.key: None for d in DIMENSIONS}
    style.update(therapist.style())
    notes = {d.key: getattr(therapist, d.note_field) for d in DIMENSIONS}
    return style_tracks(style, notes, preferences)


def style_tracks(
    style: Mapping[str, StyleValue | None], notes: Mapping[str, str], preferences: Preferences | None
) -> list[StyleTrack]:
    """A track for every dimension in the registry; the client's point only where they gave one."""
    tracks = []
    for dimension in DIMENSIONS:
        preferred, importance = (preferences or {}).get(dimension.key, (None, 0))
        value = style.get(dimension.key)
        low, high = (None, None) if value is None else as_range(value)
        note = notes.get(dimension.key, "")
        tracks.append(StyleTrack(dimension, low, preferred, importance, note, high))
    return tracks


@dataclass(frozen=True)
class ExplainedScale:
    """One weighted scale on a results card, said in one sentence; `closeness` styles it (close, partial, far)."""

    sentence: str
    closeness: str


@lru_cache(maxsize=20_000)
def explained(reason: Reason, sentence: str) -> ExplainedScale:
    return ExplainedScale(sentence, reason.closeness.value)


def card_scales(
    strongest: list[Reason], difference: Reason | None
) -> tuple[list[ExplainedScale], ExplainedScale | None]:
    """The strongest reasons and the largest difference as sentences; card_tracks draws every scale."""
    suits = [explained(reason, why_it_fits(reason)) for reason in strongest]
    differs = None if difference is None else explained(difference, where_you_differ(difference))
    return suits, differs


@dataclass(frozen=True)
class CardTrack:
    """One weighted scale drawn compactly on a results card; `said` when a sentence on the card already tells it.

    `marks` are the classes site.css places the markers by (.tracks): pN the therapist's point, or band fN tM
    their range, and cN the client's point.
    """

    low: str  # the low pole's short name
    high: str
    marks: str
    sentence: str
    said: bool


# A page of twenty cards draws about a hundred tracks, and a track follows from its reason alone: kept.
@lru_cache(maxsize=20_000)
def card_track(reason: Reason, said: bool) -> CardTrack:
    dimension = BY_KEY[reason.key]
    low, high = reason.therapist_range or (reason.therapist, reason.therapist)
    therapist = f"band f{low} t{high}" if low != high else f"p{low}"
    return CardTrack(dimension.short_low, dimension.short_high, f"{therapist} c{reason.preferred}", reason.text, said)


def card_tracks(reasons: list[Reason], said: set[str]) -> list[CardTrack]:
    """A compact track for every weighted scale, in registry order; the sentence names a track the card does not say."""
    return [card_track(reason, reason.key in said) for reason in reasons]
