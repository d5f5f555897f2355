"""Which requests the reply figures count: answered ones, and unanswered ones once three days have passed;
never the ones a client withdrew while the therapist still had time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from matchmaker.reply_report import DUE_AFTER, Sent, build, counted, figures

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def sent(days_ago: float, **kwargs: object) -> Sent:
    kwargs.setdefault("therapist_id", 1)
    kwargs.setdefault("therapist_name", "Dana Reyes")
    return Sent(created_at=NOW - timedelta(days=days_ago), **kwargs)  # type: ignore[arg-type]


def test_it_gives_a_therapist_three_days() -> None:
    assert DUE_AFTER / timedelta(hours=1) == 72


def test_an_unanswered_request_counts_from_exactly_three_days_on() -> None:
    assert not sent(2.99).is_due(NOW)
    assert sent(3).is_due(NOW)
    assert sent(10).is_due(NOW)


def test_an_answered_request_counts_at_once() -> None:
    quick = sent(0.5, first_reply_at=NOW - timedelta(hours=2))

    assert quick.is_due(NOW)
    assert quick.answered


def test_a_request_the_client_closed_unanswered_within_three_days_is_left_out() -> None:
    withdrawn = sent(10, closed_by="client", closed_at=NOW - timedelta(days=9))

    assert withdrawn.withdrawn
    assert counted([withdrawn], now=NOW) == []


def test_a_client_who_gave_up_after_three_days_unanswered_still_counts_as_unanswered() -> None:
    gave_up = sent(10, closed_by="client", closed_at=NOW - timedelta(days=6))

    assert not gave_up.withdrawn
    assert figures(counted([gave_up], now=NOW)) == figures([gave_up])
    assert (figures([gave_up]).due, figures([gave_up]).answered) == (1, 0)


def test_a_client_who_closed_after_the_answer_counts_as_answered() -> None:
    request = sent(
        10, first_reply_at=NOW - timedelta(days=9), closed_by="client", closed_at=NOW - timedelta(days=8, hours=20)
    )

    assert request.is_due(NOW) and request.answered


def test_an_answer_marked_after_the_client_withdrew_does_not_bring_the_request_back() -> None:
    request = sent(10, closed_by="client", closed_at=NOW - timedelta(days=9), first_reply_at=NOW - timedelta(days=8))

    assert request.withdrawn
    assert not request.is_due(NOW)


def test_the_therapist_closing_without_a_message_is_an_answer() -> None:
    # The conversation service sets first_reply_at when the therapist closes; the figures follow it.
    closed = sent(5, closed_by="therapist", closed_at=NOW - timedelta(days=4), first_reply_at=NOW - timedelta(days=4))

    assert closed.answered and closed.is_due(NOW)


def test_the_reply_rate_is_answered_over_due() -> None:
    rows = [
        sent(1),  # too recent: not counted
        sent(4),  # due, unanswered
        sent(5),  # due, unanswered
        sent(6, first_reply_at=NOW - timedelta(days=5)),
        sent(1, first_reply_at=NOW - timedelta(hours=20)),
        sent(8, first_reply_at=NOW - timedelta(days=7, hours=20)),
        sent(9, closed_by="client", closed_at=NOW - timedelta(days=8, hours=12)),  # withdrawn
    ]

    overall = build(rows, now=NOW).overall

    assert (overall.due, overall.answered, overall.unanswered) == (5, 3, 2)
    assert overall.rate == 0.6
    assert overall.percent == 60


def test_no_request_counted_gives_no_rate_rather_than_a_division_by_zero() -> None:
    overall = build([sent(1)], now=NOW).overall

    assert (overall.due, overall.rate, overall.percent, overall.median_delay) == (0, None, None, None)
