"""Demo therapists a person would believe: names agree with pronouns, licence numbers look like real ones."""

from __future__ import annotations

import random
import re

from profiles import synthetic

SHE = {"Amara", "Ana", "Grace", "Priya", "Rosa", "Zoe"}
HE = {"Ben", "Daniel", "Malik", "Noah", "Omar", "Theo"}


def made(count: int, states: tuple[str, ...]) -> list[synthetic.SyntheticTherapist]:
    rng = random.Random(7)
    return [synthetic.therapist(rng, states, tuple(1.0 for _ in states)) for _ in range(count)]


def test_it_never_gives_a_woman_s_name_he_him_or_a_man_s_name_she_her() -> None:
    for therapist in made(600, ("CA", "OH")):
        first = str(therapist.fields["name"]).split()[0]
        if therapist.fields["pronouns"] == "he/him":
            assert first not in SHE, therapist.fields
        if therapist.fields["pronouns"] == "she/her":
            assert first not in HE, therapist.fields


def test_it_writes_licence_numbers_as_the_state_board_does() -> None:
    patterns = {
        ("CA", "LMFT"): r"LMFT \d{6}",
        ("CA", "LCSW"): r"LCSW \d{6}",
        ("FL", "LMHC"): r"MH\d{5}",
        ("OH", "LCSW"): r"I\.\d{7}",
        ("WA", "PhD"): r"PY6\d{7}",
        ("NY", "LMFT"): r"00\d{4}",
    }
    rng = random.Random(1)
    for (state, credentials), pattern in patterns.items():
        number = synthetic.licence_number(rng, state, credentials)
        assert re.fullmatch(pattern, number), (state, credentials, number)


def test_no_licence_number_says_it_is_a_demo() -> None:
    for therapist in made(200, ("CA", "TX", "NY", "FL", "IL", "OH", "WA", "CO", "KS")):
        number = str(therapist.fields["license_number"])
        assert "demo" not in number.lower()
        assert re.search(r"\d{4}", number), number
