"""Per therapist: counts for everyone with a request that counts, worst first; those who left under their old
name; the published listings that never answer; and the view of real therapists only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from matchmaker.reply_report import Sent, build

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=10)


def answered(therapist_id: int | None, name: str, hours: float, **kwargs: object) -> Sent:
    return Sent(therapist_id, name, OLD, first_reply_at=OLD + timedelta(hours=hours), **kwargs)  # type: ignore[arg-type]


def unanswered(therapist_id: int | None, name: str, **kwargs: object) -> Sent:
    return Sent(therapist_id, name, OLD, **kwargs)  # type: ignore[arg-type]


def fixture() -> list[Sent]:
    return [
        # Ana: 2 of 3 answered, after 2 and 10 hours.
        answered(1, "Ana Quick", 2),
        answered(1, "Ana Quick", 10),
        unanswered(1, "Ana Quick"),
        # Ben: 1 of 4.
        answered(2, "Ben Slow", 50),
        unanswered(2, "Ben Slow"),
        unanswered(2, "Ben Slow"),
        unanswered(2, "Ben Slow"),
        # Cy: published, 3 due and none answered.
        unanswered(3, "Cy Silent"),
        unanswered(3, "Cy Silent"),
        unanswered(3, "Cy Silent"),
        # Di: not published (paused by a curator), 3 due and none answered.
        unanswered(4, "Di Hidden", published=False),
        unanswered(4, "Di Hidden", published=False),
        unanswered(4, "Di Hidden", published=False),
        # Eve: 2 due, none answered: too few to call a listing silent.
        unanswered(5, "Eve Newish"),
        unanswered(5, "Eve Newish"),
        # Two therapists who deleted their accounts, told apart by the name they had.
        answered(None, "Fay Gone", 5, published=False),
        unanswered(None, "Gil Gone", published=False),
        # A demo listing: answered everything.
        answered(6, "Hal Demo", 1, synthetic=True),
        # A request too recent to count.
        Sent(7, "Ivy Recent", NOW - timedelta(hours=3)),
    ]


def test_it_lists_every_therapist_with_a_request_that_counts_worst_first() -> None:
    lines = build(fixture(), now=NOW).therapists

    assert [(line.label, line.figures.due, line.figures.answered, line.figures.percent) for line in lines] == [
        # Nothing answered: the most requests first, then by name.
        ("Cy Silent", 3, 0, 0),
        ("Di Hidden", 3, 0, 0),
        ("Eve Newish", 2, 0, 0),
        ("Gil Gone (left Matchmaker)", 1, 0, 0),
        ("Ben Slow", 4, 1, 25),
        ("Ana Quick", 3, 2, 67),
        ("Fay Gone (left Matchmaker)", 1, 1, 100),
        ("Hal Demo", 1, 1, 100),
    ]


def test_each_line_has_its_own_median() -> None:
    lines = {line.name: line for line in build(fixture(), now=NOW).therapists}

    assert lines["Ana Quick"].figures.median_delay == timedelta(hours=6)
    assert lines["Ana Quick"].figures.median_words == "6 hours"
    assert lines["Ben Slow"].figures.median_words == "2.1 days"
    assert lines["Cy Silent"].figures.median_delay is None


def test_published_listings_with_three_requests_and_no_answer_are_called_out() -> None:
    silent = build(fixture(), now=NOW).silent

    assert [(line.therapist_id, line.name, line.figures.due) for line in silent] == [(3, "Cy Silent", 3)]


def test_the_real_only_view_leaves_out_demo_listings() -> None:
    everyone = build(fixture(), now=NOW)
    real = build(fixture(), now=NOW, real_only=True)

    assert (everyone.overall.due, everyone.overall.answered, everyone.synthetic_due) == (18, 5, 1)
    assert (real.overall.due, real.overall.answered, real.synthetic_due) == (17, 4, 0)
    assert "Hal Demo" not in [line.name for line in real.therapists]
