"""The median time to a first reply, over answered requests only, and how it is said in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from matchmaker.reply_report import Sent, build, in_words, median

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def answered_after(delay: timedelta) -> Sent:
    created = NOW - timedelta(days=10)
    return Sent(therapist_id=1, therapist_name="Dana Reyes", created_at=created, first_reply_at=created + delay)


def test_with_an_odd_number_it_is_the_middle_one() -> None:
    assert median([timedelta(hours=h) for h in (9, 1, 30)]) == timedelta(hours=9)


def test_with_an_even_number_it_is_halfway_between_the_two_middle_ones() -> None:
    assert median([timedelta(hours=h) for h in (1, 4, 10, 50)]) == timedelta(hours=7)


def test_with_nothing_answered_there_is_none() -> None:
    assert median([]) is None


def test_unanswered_requests_do_not_pull_the_median() -> None:
    rows = [answered_after(timedelta(hours=h)) for h in (2, 6, 40)]
    rows.append(Sent(therapist_id=1, therapist_name="Dana Reyes", created_at=NOW - timedelta(days=20)))

    overall = build(rows, now=NOW).overall

    assert overall.median_delay == timedelta(hours=6)
    assert overall.median_words == "6 hours"


def test_a_reply_stamped_before_the_request_counts_as_immediate() -> None:
    early = answered_after(timedelta(minutes=-5))

    assert early.delay == timedelta(0)


@pytest.mark.parametrize(
    ("delay", "words"),
    [
        (timedelta(seconds=20), "less than a minute"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(minutes=35), "35 minutes"),
        (timedelta(minutes=59, seconds=40), "1 hour"),
        (timedelta(hours=1, minutes=20), "1 hour"),
        (timedelta(hours=4, minutes=10), "4 hours"),
        (timedelta(hours=23, minutes=10), "23 hours"),
        (timedelta(hours=23, minutes=40), "1 day"),
        (timedelta(hours=36), "1.5 days"),
        (timedelta(days=2), "2 days"),
        (timedelta(days=6, hours=5), "6.2 days"),
        (None, "–"),
    ],
)
def test_it_says_the_time_in_plain_words(delay: timedelta | None, words: str) -> None:
    assert in_words(delay) == words
