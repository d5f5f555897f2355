"""The poles say whose feelings, avoid loaded words, keep listening from sounding unresponsive, keep capitals."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import BY_KEY, DIMENSIONS


def test_it_says_whose_strong_feelings_a_session_goes_into() -> None:
    intensity = BY_KEY["intensity"]
    assert intensity.client_high == "Helps me go into my strong feelings and express them"
    assert intensity.therapist_high == "help clients go into their strong feelings and express them in the session"


def test_it_describes_challenge_without_a_comfort_zone_to_push_past() -> None:
    challenge = BY_KEY["challenge"]
    assert challenge.client_high == "Challenges me and asks me to try what feels hard"
    assert challenge.therapist_high == "challenge clients and ask them to try what feels hard"
    for dimension in DIMENSIONS:
        for words in (dimension.client_high, dimension.therapist_high, dimension.client_low, dimension.therapist_low):
            assert "push" not in words and "comfort zone" not in words


def test_it_describes_the_quiet_end_as_close_listening() -> None:
    quiet = BY_KEY["responsiveness"]
    assert quiet.client_low == "Mostly listens closely and leaves me room to talk"
    assert quiet.therapist_low == "listen closely and leave clients room to talk"
    assert "responsive" not in quiet.title.lower()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["home", "how_matching_works"])
def test_it_keeps_the_capital_of_a_pole_that_starts_with_i(client: Browser, page: str) -> None:
    html = client.get(reverse(page)).content.decode()

    assert "“I set the direction; open-ended sessions”" in html
    assert "i set the direction" not in html
