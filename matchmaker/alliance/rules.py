"""Our own first-session check-in, and what it teaches about fit. Plain data, no Django.

The three alliance questions follow Bordin's account of the working alliance:
a bond between the two people, agreement on what therapy is for, and agreement
on how to go about it. The wording, the answer scale and the rule for "this did
not feel right" are Matchmaker's own; this is not a validated instrument and its
totals are not comparable with any published scale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from matchmaker.dimensions import BY_KEY, DIMENSION_KEYS, SCALE_MAX, SCALE_MIN


@dataclass(frozen=True)
class AllianceQuestion:
    key: str
    part: str  # which part of the alliance it asks about
    text: str


ALLIANCE_QUESTIONS = (
    AllianceQuestion("bond", "the bond", "Could you be yourself with this therapist?"),
    AllianceQuestion("goals", "what therapy is for", "Do the two of you want therapy to lead to the same things?"),
    AllianceQuestion("tasks", "how you work together", "Does what they propose doing in sessions make sense to you?"),
)
ALLIANCE_KEYS = tuple(question.key for question in ALLIANCE_QUESTIONS)

# One answer scale for the three questions, 0 (not at all) to 4 (completely).
ANSWERS = (
    (0, "Not at all"),
    (1, "Hardly"),
    (2, "Partly"),
    (3, "Mostly"),
    (4, "Completely"),
)
ANSWER_MIN, ANSWER_MAX = 0, 4
ALLIANCE_MAX = ANSWER_MAX * len(ALLIANCE_QUESTIONS)  # 12

# "Would you go back?" is asked on its own: it is the client's own verdict.
AGAIN = (("yes", "Yes"), ("unsure", "I'm not sure yet"), ("no", "No"))


def alliance_total(answers: Mapping[str, int]) -> int:
    return sum(answers[key] for key in ALLIANCE_KEYS)


def felt_right(answers: Mapping[str, int], again: str) -> bool:
    """Our rule: it did not feel right if the client would not go back, or if any part of the
    alliance got "hardly" or "not at all". One weak part is worth a conversation: the bond, the
    goals and the way of working each matter on their own, so they are not traded off in a sum."""
    if again == "no":
        return False
    return min(answers[key] for key in ALLIANCE_KEYS) >= 2


# How the therapist came across on one scale, compared with what the client wanted.
STYLE_STEPS = (-2, -1, 0, 1, 2)


def style_answer_choices(key: str) -> list[tuple[int, str]]:
    """The answers to "Compared with what you wanted, they were …" in the registry's words for this scale."""
    dimension = BY_KEY[key]
    low, high = dimension.short_low, dimension.short_high
    return [
        (-2, f"much more {low}"),
        (-1, f"a bit more {low}"),
        (0, "about right"),
        (1, f"a bit more {high}"),
        (2, f"much more {high}"),
    ]


def experienced_point(wanted: int, step: int) -> int:
    """Where the client experienced the therapist: their wanted point shifted by their answer."""
    return max(SCALE_MIN, min(SCALE_MAX, wanted + step))


@dataclass(frozen=True)
class Proposal:
    """A concrete change to the client's answers that a check-in suggests."""

    key: str
    title: str
    current: int
    proposed: int
    text: str


def _moved(current: int, step: int) -> int:
    """The client's point one step away from how the therapist came across, kept on the scale."""
    return max(SCALE_MIN, min(SCALE_MAX, current - (1 if step > 0 else -1)))


def propose_change(wanted: Mapping[str, int], steps: Mapping[str, int]) -> Proposal | None:
    """The one scale whose answer most suggests the client's point is off, moved one step away from
    how the therapist came across. "About right" everywhere proposes nothing; a tie goes to the scale
    that comes first in the registry."""
    best: tuple[int, str] | None = None
    for key in DIMENSION_KEYS:
        step = steps.get(key, 0)
        if step == 0 or key not in wanted or _moved(wanted[key], step) == wanted[key]:
            continue  # about right, not answered, or the client's point is already at the end it would move to
        if best is None or abs(step) > best[0]:
            best = (abs(step), key)
    if best is None:
        return None
    key = best[1]
    step, current = steps[key], wanted[key]
    proposed = _moved(current, step)
    dimension = BY_KEY[key]
    came_across = dimension.short_high if step > 0 else dimension.short_low
    text = f"You found them more {came_across} than you wanted. Move “{dimension.title}” from {current} to {proposed}?"
    return Proposal(key, dimension.title, current, proposed, text)


# How far outside the therapist's own point or range the clients' mean must lie before we say so.
EXPERIENCED_OFF_BY = 1.0


def experienced_sentence(key: str, mean: float, own: int | tuple[int, int]) -> str:
    """What a therapist reads next to their self-rating: where clients who checked in experience them.

    own is the therapist's point, or their (low, high) range; inside it, or less than
    EXPERIENCED_OFF_BY outside, clients experience them "about where you place yourself"."""
    low, high = own if isinstance(own, tuple) else (own, own)
    dimension = BY_KEY[key]
    if mean >= high + EXPERIENCED_OFF_BY:
        return f"Clients experience you as more {dimension.short_high} than you rate yourself."
    if mean <= low - EXPERIENCED_OFF_BY:
        return f"Clients experience you as more {dimension.short_low} than you rate yourself."
    return "Clients experience you about where you place yourself."
