"""Plain words and tracks for a therapist next to a client's answers: pure functions, no database."""

from __future__ import annotations

from matchmaker.dimensions import DIMENSIONS
from matchmaker.matching.explaining import style_tracks, where_you_differ, why_it_fits
from matchmaker.scoring import explain

STYLE = {d.key: 4 for d in DIMENSIONS} | {"directness": 6, "challenge": 1}
NOTES = {"challenge": "I go gently."}


def test_it_says_a_strong_reason_in_plain_words() -> None:
    exact, one_off = explain({"directness": (6, 3), "challenge": (2, 1)}, STYLE)

    assert why_it_fits(exact) == "Gentle or direct: right where you asked (direct). This matters a lot to you."
    assert why_it_fits(one_off) == (
        "Support or challenge: one step from where you asked"
        " (you asked for someone supportive; they are very supportive)."
        " This matters a little to you."
    )


def test_it_says_the_largest_difference_with_the_distance() -> None:
    (apart,) = explain({"directness": (1, 2)}, STYLE)

    assert where_you_differ(apart) == (
        "Gentle or direct: you asked for someone very gentle; they are direct, 5 steps apart."
        " This matters quite a bit to you."
    )


def test_it_draws_all_six_tracks_and_the_clients_point_only_where_given() -> None:
    tracks = style_tracks(STYLE, NOTES, {"directness": (7, 3), "approach": (None, 3)})

    assert [t.dimension.key for t in tracks] == [d.key for d in DIMENSIONS]
    assert [t.preferred for t in tracks] == [7, None, None, None, None, None]
    assert tracks[0].preferred_x == 92 and tracks[1].preferred_x is None
    assert (
        tracks[0].summary == "They are at 6 of 7, direct. You asked for 7 of 7, very direct; this matters a lot to you."
    )
    assert tracks[4].note == "I go gently."


def test_without_a_client_the_tracks_only_say_where_the_therapist_stands() -> None:
    tracks = style_tracks(STYLE, {}, None)

    assert all(t.preferred is None for t in tracks)
    assert tracks[0].summary == "They are at 6 of 7, direct."
