"""The rules on answering, checked against hand-worked cases: the nudge, "usually replies" and the pause."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from matchmaker.alliance.replies import Sent, reply_speed, should_pause, waiting_too_long

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)


def sent(days_ago: float, answered_after_hours: float | None = None, withdrawn: bool = False) -> Sent:
    created = NOW - timedelta(days=days_ago)
    answered = None if answered_after_hours is None else created + timedelta(hours=answered_after_hours)
    return Sent(created_at=created, first_reply_at=answered, withdrawn=withdrawn)


def test_it_nudges_after_exactly_three_days_without_an_answer() -> None:
    assert not waiting_too_long(sent(2.99), NOW)
    assert waiting_too_long(sent(3), NOW)
    assert not waiting_too_long(sent(5, answered_after_hours=80), NOW)
    assert not waiting_too_long(sent(5, withdrawn=True), NOW)


def test_it_says_nothing_about_speed_below_five_requests_to_judge() -> None:
    four_quick = [sent(10 + n, answered_after_hours=1) for n in range(4)]
    not_due_yet = [sent(1)]  # a day old and unanswered: too early to count either way
    assert reply_speed(four_quick + not_due_yet, NOW) is None
    assert reply_speed([*four_quick, sent(14, answered_after_hours=2)], NOW) == "usually replies within a day"


def test_it_reads_the_median_with_silence_as_the_slowest() -> None:
    # Answered after 2, 30, 30 hours; two never. Sorted: 2h, 30h, 30h, never, never: the median is 30 hours.
    rows = [sent(20, 2), sent(21, 30), sent(22, 30), sent(23), sent(24)]
    assert reply_speed(rows, NOW) == "usually replies within 3 days"
    # Three of five never answered: the median is silence, so no line at all.
    rows = [sent(20, 2), sent(21, 3), sent(22), sent(23), sent(24)]
    assert reply_speed(rows, NOW) is None


def test_withdrawn_requests_do_not_count_against_speed() -> None:
    rows = [sent(10 + n, answered_after_hours=5) for n in range(5)] + [sent(30 + n, withdrawn=True) for n in range(5)]
    assert reply_speed(rows, NOW) == "usually replies within a day"


def test_it_follows_the_twenty_most_recent_requests() -> None:
    old_silence = [sent(100 + n) for n in range(30)]
    recent_quick = [sent(10 + n / 10, answered_after_hours=3) for n in range(20)]
    assert reply_speed(old_silence + recent_quick, NOW) == "usually replies within a day"


def test_it_pauses_after_five_unanswered_in_a_row_each_a_week_old() -> None:
    assert should_pause([sent(7 + n) for n in range(5)], NOW)
    assert not should_pause([sent(7 + n) for n in range(4)], NOW)
    # The newest is only six days old, so it is not judged yet: four judged is not enough.
    assert not should_pause([sent(6), *(sent(8 + n) for n in range(4))], NOW)


def test_an_answer_within_the_week_breaks_the_run() -> None:
    rows = [sent(8, answered_after_hours=20), *(sent(9 + n) for n in range(5))]
    assert not should_pause(rows, NOW)
    # An answer that came only after eight days still left that person waiting a week.
    rows = [sent(10, answered_after_hours=8 * 24), *(sent(11 + n) for n in range(4))]
    assert should_pause(rows, NOW)


def test_coming_back_is_a_fresh_start() -> None:
    rows = [sent(20 + n) for n in range(5)]
    assert should_pause(rows, NOW)
    assert not should_pause(rows, NOW, since=NOW - timedelta(days=10))


def test_withdrawn_requests_neither_count_nor_break_the_run() -> None:
    rows = [sent(8), sent(9, withdrawn=True), sent(10), sent(11), sent(12), sent(13)]
    assert should_pause(rows, NOW)
