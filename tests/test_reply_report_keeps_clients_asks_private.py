"""The state rows and the groups by what clients asked for show no figures under five requests, nor the one
group whose figures would follow by subtraction; requests from clients who deleted everything count for
the therapist but are in no state or group."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from matchmaker.reply_report import MIN_SHOWN, PLOT_LEFT, Group, Sent, build, state_table

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=10)


def request(*, answered: bool = True, hours: float = 4, **kwargs: object) -> Sent:
    kwargs.setdefault("therapist_id", 1)
    kwargs.setdefault("therapist_name", "Dana Reyes")
    reply = OLD + timedelta(hours=hours) if answered else None
    return Sent(created_at=OLD, first_reply_at=reply, **kwargs)  # type: ignore[arg-type]


def shown(groups: list[Group]) -> dict[str, tuple[int, int, int | None] | str]:
    def figures(group: Group) -> tuple[int, int, int | None]:
        return (group.figures.due, group.figures.answered, group.figures.percent)

    return {group.key: "fewer than 5" if group.hidden else figures(group) for group in groups}


def test_it_shows_figures_from_five_requests_on() -> None:
    assert MIN_SHOWN == 5


def test_a_state_with_four_requests_shows_none_and_takes_the_next_smallest_with_it() -> None:
    rows = (
        [request(asked_state="CA") for _ in range(8)]
        + [request(asked_state="OR", answered=index < 3) for index in range(6)]
        + [request(asked_state="NV") for _ in range(5)]
        + [request(asked_state="VT") for _ in range(4)]
    )

    states = build(rows, now=NOW).states

    # Vermont alone hidden would follow from the total less the others, so the next smallest (Nevada) goes too.
    assert shown(states) == {"OR": (6, 3, 50), "CA": (8, 8, 100), "NV": "fewer than 5", "VT": "fewer than 5"}
    assert [group.label for group in states] == ["Oregon", "California", "Nevada", "Vermont"]


def test_two_small_states_hide_each_other_and_take_nothing_else() -> None:
    rows = (
        [request(asked_state="CA") for _ in range(6)]
        + [request(asked_state="NV") for _ in range(5)]
        + [request(asked_state="VT") for _ in range(2)]
        + [request(asked_state="ME") for _ in range(1)]
    )

    assert shown(build(rows, now=NOW).states) == {
        "CA": (6, 6, 100),
        "NV": (5, 5, 100),
        "ME": "fewer than 5",
        "VT": "fewer than 5",
    }


def test_the_csv_of_states_says_fewer_than_five_and_nothing_more() -> None:
    rows = [request(asked_state="CA") for _ in range(5)] + [request(asked_state="VT", hours=30) for _ in range(3)]

    table = state_table(build(rows, now=NOW))

    assert table[1:] == [
        ["CA", "California", "fewer than 5", "", "", ""],
        ["VT", "Vermont", "fewer than 5", "", "", ""],
    ]


def test_a_split_with_a_small_side_hides_both_sides() -> None:
    rows = [request(asked_sliding_scale=True) for _ in range(3)] + [request() for _ in range(20)]

    sliding = next(split for split in build(rows, now=NOW).splits if split.key == "sliding_scale")

    assert shown(sliding.groups) == {"yes": "fewer than 5", "no": "fewer than 5"}


def test_an_empty_group_hides_nothing_else() -> None:
    rows = [request(asked_format="online") for _ in range(6)] + [request(asked_format="either") for _ in range(7)]

    meeting = next(split for split in build(rows, now=NOW).splits if split.key == "format")

    assert shown(meeting.groups) == {"online": (6, 6, 100), "in_person": "fewer than 5", "either": (7, 7, 100)}


def test_the_splits_compare_reply_rates_by_what_was_asked() -> None:
    rows = (
        [request(asked_insurance=True, answered=index < 2, asked_format="in_person") for index in range(5)]
        + [request(asked_language=True, answered=index < 4, asked_format="online") for index in range(6)]
        + [request(asked_format="either", hours=10) for _ in range(5)]
    )

    report = build(rows, now=NOW)
    splits = {split.key: shown(split.groups) for split in report.splits}

    assert splits == {
        "sliding_scale": {"yes": "fewer than 5", "no": (16, 11, 69)},  # nobody asked: nothing to give away
        "insurance": {"yes": (5, 2, 40), "no": (11, 9, 82)},
        "language": {"yes": (6, 4, 67), "no": (10, 7, 70)},
        "format": {"online": (6, 4, 67), "in_person": (5, 2, 40), "either": (5, 5, 100)},
    }
    insurance = next(split for split in report.splits if split.key == "insurance")
    # Over the nine answered without insurance: four after 4 hours and five after 10.
    assert insurance.groups[1].figures.median_words == "10 hours"


def test_deleted_clients_count_for_the_therapist_but_in_no_state_or_group() -> None:
    kept = [request(asked_state="CA", asked_sliding_scale=True) for _ in range(5)]
    # What requests_forget_client leaves: the asks blanked, closed by the client when it deleted everything.
    deleted = [
        request(answered=False, client_deleted=True, closed_by="client", closed_at=OLD + timedelta(days=5))
        for _ in range(2)
    ]

    report = build(kept + deleted, now=NOW)

    (dana,) = report.therapists
    assert (dana.figures.due, dana.figures.answered) == (7, 5)
    assert (report.overall.due, report.overall.answered) == (7, 5)
    assert shown(report.states) == {"CA": (5, 5, 100)}
    sliding = next(split for split in report.splits if split.key == "sliding_scale")
    assert shown(sliding.groups) == {"yes": (5, 5, 100), "no": "fewer than 5"}
    assert sliding.groups[1].figures.due == 0


def test_the_chart_gives_a_hidden_group_no_bar_and_puts_its_words_where_nothing_can_be_read_from_them() -> None:
    rows = [request(asked_sliding_scale=True) for _ in range(2)] + [request(answered=i < 6) for i in range(9)]

    chart = build(rows, now=NOW).chart
    bars = {line.text: line for line in chart.lines if line.group is not None}

    for label in ("Asked for a sliding scale", "Did not ask for one"):
        assert bars[label].value == "fewer than 5"
        assert bars[label].bar_width == 0
        assert bars[label].value_x == PLOT_LEFT + 6
    assert "fewer than 5 requests" in bars["Did not ask for one"].description
    assert "67%" not in bars["Did not ask for one"].description
