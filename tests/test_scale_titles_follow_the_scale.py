"""Each scale's title names its 1 end first, so "Gentle or direct" reads the way the scale runs."""

from __future__ import annotations

from matchmaker.dimensions import DIMENSIONS


def test_it_titles_every_scale_from_its_low_end_to_its_high_end() -> None:
    assert [(d.key, d.title) for d in DIMENSIONS] == [
        ("directness", "Gentle or direct"),
        ("responsiveness", "Quiet or conversational"),
        ("approach", "Coping skills or old patterns"),
        ("structure", "Open or structured"),
        ("challenge", "Support or challenge"),
        ("intensity", "Calm or emotionally intense"),
    ]
