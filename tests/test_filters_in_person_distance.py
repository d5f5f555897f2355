"""In person means near: in-person matches have an office within the client's distance of their ZIP code."""

from __future__ import annotations

import pytest

from matchmaker.matching.find import find_matches
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db

# Distances from Columbus 43215 between ZIP centroids: Grove City 43123 about 7 miles, Dublin 43017
# about 11, Newark 43055 about 33, Cincinnati 45202 about 99, Cleveland 44114 about 127.


def ohio_directory() -> None:
    make_therapist(name="Columbus office", states=("OH",), offers_online=False, offers_in_person=True,
                   office_zip="43215")  # fmt: skip
    make_therapist(name="Grove City, both", states=("OH",), offers_in_person=True, office_zip="43123")
    make_therapist(name="Cleveland office", states=("OH",), offers_online=False, offers_in_person=True,
                   office_zip="44114")  # fmt: skip
    make_therapist(name="Cincinnati office", states=("OH",), offers_online=False, offers_in_person=True,
                   office_zip="45202")  # fmt: skip
    make_therapist(name="Cleveland, both", states=("OH",), offers_in_person=True, office_zip="44114")
    make_therapist(name="Online only", states=("OH",), offers_online=True, offers_in_person=False)
    # Licensed in Ohio, office in California: never near anyone in Ohio.
    make_therapist(name="Oakland office", states=("OH", "CA"), offers_online=False, offers_in_person=True,
                   office_zip="94612")  # fmt: skip


def names(client_answers: dict[str, object]) -> set[str]:
    client, _ = make_client(state="OH", **client_answers)
    return {match.therapist.name for match in find_matches(client).matches}


def removals(client_answers: dict[str, object]) -> dict[str, str]:
    client, _ = make_client(state="OH", **client_answers)
    return {removal.key: removal.text for removal in find_matches(client).removals}


def test_in_person_shows_only_offices_within_the_distance() -> None:
    ohio_directory()

    assert names({"session_format": "in_person", "zip_code": "43215"}) == {"Columbus office", "Grove City, both"}


def test_a_wider_distance_reaches_further_offices() -> None:
    ohio_directory()
    make_therapist(name="Newark office", states=("OH",), offers_online=False, offers_in_person=True,
                   office_zip="43055")  # fmt: skip

    assert "Newark office" not in names({"session_format": "in_person", "zip_code": "43215", "max_distance": 25})
    assert "Newark office" in names({"session_format": "in_person", "zip_code": "43215", "max_distance": 50})
    assert names({"session_format": "in_person", "zip_code": "43215", "max_distance": 5}) == {"Columbus office"}


def test_either_keeps_online_therapists_anywhere_in_the_state_and_in_person_only_ones_in_range() -> None:
    ohio_directory()

    assert names({"session_format": "either", "zip_code": "43215"}) == {
        "Columbus office",
        "Grove City, both",
        "Cleveland, both",
        "Online only",
    }


def test_online_shows_only_therapists_who_offer_online_wherever_their_office_is() -> None:
    ohio_directory()

    assert names({"session_format": "online", "zip_code": "43215"}) == {
        "Grove City, both",
        "Cleveland, both",
        "Online only",
    }


def test_the_report_counts_the_offices_too_far_away() -> None:
    ohio_directory()

    in_person = removals({"session_format": "in_person", "zip_code": "43215"})
    either = removals({"session_format": "either", "zip_code": "43215"})

    assert in_person["session_format"] == "1 therapist does not see clients in person"
    assert in_person["max_distance"] == "4 therapists have an office more than 25 miles from 43215"
    assert either["max_distance"] == (
        "3 therapists have an office more than 25 miles from 43215 and no online sessions"
    )


def test_one_office_too_far_reads_in_the_singular() -> None:
    make_therapist(name="Cleveland office", states=("OH",), offers_online=False, offers_in_person=True,
                   office_zip="44114")  # fmt: skip

    assert removals({"session_format": "in_person", "zip_code": "43215"}) == {
        "max_distance": "1 therapist has an office more than 25 miles from 43215"
    }


def test_when_nothing_is_near_it_suggests_a_wider_distance_or_online() -> None:
    make_therapist(name="Cleveland, both", states=("OH",), offers_in_person=True, office_zip="44114")
    client, _ = make_client(state="OH", session_format="in_person", zip_code="43215")

    results = find_matches(client)

    assert results.matches == []
    assert results.suggestion is not None
    assert results.suggestion.removal.key == "max_distance"
    assert results.suggestion.removal.relax == (
        "Choose a wider distance, or “online” to see therapists anywhere in your state."
    )


def test_an_in_person_office_without_a_zip_code_is_not_counted_as_near() -> None:
    make_therapist(name="Office somewhere", states=("OH",), offers_online=False, offers_in_person=True)

    assert names({"session_format": "in_person", "zip_code": "43215"}) == set()
