"""Whether therapists answer: the rules for the nudge, the reminder, the "usually replies" line and the pause.

Pure functions over plain rows (when a request was sent, when it was first answered, whether the
client withdrew it first), so every rule is tested without a database.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# After this long without an answer, the client is told kindly and offered their next matches, and the
# therapist is reminded once. Requests this old (or answered) are also the ones the figures count.
DUE_AFTER = timedelta(days=3)
# "Usually replies within …" appears once a therapist has this many requests to judge by.
SPEED_MIN_REQUESTS = 5
# The most recent requests the "usually replies" line looks at, so it follows how a therapist answers now.
SPEED_RECENT = 20
SPEED_WORDS = (
    (timedelta(days=1), "usually replies within a day"),
    (timedelta(days=3), "usually replies within 3 days"),
)
# A therapist whose last PAUSE_AFTER requests all went unanswered for UNANSWERED_FOR stops receiving new ones.
PAUSE_AFTER = 5
UNANSWERED_FOR = timedelta(days=7)


def is_withdrawn(
    *, created_at: datetime, first_reply_at: datetime | None, closed_by: str, closed_at: datetime | None
) -> bool:
    """The client closed the request unanswered while the therapist still had time to answer (DUE_AFTER).

    A client who closes it, or deletes everything, after waiting longer than that was not answered in
    time, and the request counts as unanswered. Without a closing time, the benefit of the doubt goes to
    the therapist.
    """
    if closed_by != "client":
        return False
    if closed_at is None:
        return first_reply_at is None
    before_any_answer = first_reply_at is None or closed_at < first_reply_at
    return before_any_answer and closed_at < created_at + DUE_AFTER


@dataclass(frozen=True)
class Sent:
    """One request as these rules see it."""

    created_at: datetime
    first_reply_at: datetime | None = None
    withdrawn: bool = False  # see is_withdrawn

    def is_due(self, now: datetime) -> bool:
        """Answered, or waited long enough that silence means something."""
        return self.first_reply_at is not None or now - self.created_at >= DUE_AFTER

    def waited(self, now: datetime) -> timedelta:
        """How long the client waited for the first answer, or has waited so far."""
        return (self.first_reply_at or now) - self.created_at


def waiting_too_long(sent: Sent, now: datetime) -> bool:
    """The client has heard nothing for DUE_AFTER: time to say so kindly and offer other matches."""
    return sent.first_reply_at is None and not sent.withdrawn and now - sent.created_at >= DUE_AFTER


def reply_speed(requests: Sequence[Sent], now: datetime) -> str | None:
    """ "usually replies within a day" or "… within 3 days", or None: too few requests, or slower than that.

    "Usually" is the median over the most recent SPEED_RECENT due requests, an unanswered one counting as
    the slowest of all, so a therapist who answers half their requests in an hour and ignores the rest
    does not earn the line.
    """
    due = sorted((sent for sent in requests if not sent.withdrawn and sent.is_due(now)), key=lambda s: s.created_at)
    recent = due[-SPEED_RECENT:]
    if len(recent) < SPEED_MIN_REQUESTS:
        return None
    never = timedelta.max
    typical = statistics.median_low(sent.waited(now) if sent.first_reply_at else never for sent in recent)
    for within, words in SPEED_WORDS:
        if typical <= within:
            return words
    return None


def should_pause(requests: Sequence[Sent], now: datetime, *, since: datetime | None = None) -> bool:
    """Whether the PAUSE_AFTER most recent requests old enough to judge all went unanswered for UNANSWERED_FOR.

    Only requests sent after `since` (when the therapist last came back from a pause) count, so coming
    back is a fresh start. A request answered within UNANSWERED_FOR breaks the run; one answered later
    than that was still left unanswered for UNANSWERED_FOR.
    """
    judged = sorted(
        (
            sent
            for sent in requests
            if not sent.withdrawn
            and (since is None or sent.created_at > since)
            and (sent.first_reply_at is not None or now - sent.created_at >= UNANSWERED_FOR)
        ),
        key=lambda s: s.created_at,
    )
    last = judged[-PAUSE_AFTER:]
    return len(last) == PAUSE_AFTER and all(sent.waited(now) >= UNANSWERED_FOR for sent in last)
