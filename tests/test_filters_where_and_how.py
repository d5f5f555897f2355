"""Where the client lives and how they would meet: therapists licensed elsewhere or not offering it are counted."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.matching.find import find_matches
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def names(results) -> set[str]:  # type: ignore[no-untyped-def]
    return {match.therapist.name for match in results.matches}


def removals(results) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {removal.key: removal.text for removal in results.removals}


def test_it_removes_therapists_not_licensed_in_the_clients_state_and_says_how_many() -> None:
    for index in range(3):
        make_therapist(name=f"California {index}", states=("CA",))
    make_therapist(name="Both", states=("CA", "OH"))
    make_therapist(name="Ohio", states=("OH",))
    client, _ = make_client(state="OH")

    results = find_matches(client)

    assert names(results) == {"Both", "Ohio"}
    assert removals(results) == {"state": "3 therapists are not licensed in Ohio"}
    assert results.removals[0].chosen is False  # nobody can relax where they live


def test_one_therapist_removed_reads_in_the_singular() -> None:
    make_therapist(name="California", states=("CA",))
    make_therapist(name="Ohio", states=("OH",))
    client, _ = make_client(state="OH")

    assert removals(find_matches(client)) == {"state": "1 therapist is not licensed in Ohio"}


@pytest.mark.parametrize(
    ("session_format", "listed", "message"),
    [
        ("online", {"Online only", "Both"}, "1 therapist does not see clients online"),
        ("in_person", {"Office only", "Both"}, "1 therapist does not see clients in person"),
        ("either", {"Online only", "Office only", "Both"}, None),
    ],
)
def test_it_removes_therapists_who_do_not_offer_the_chosen_way_to_meet(
    session_format: str, listed: set[str], message: str | None
) -> None:
    make_therapist(name="Online only", offers_online=True, offers_in_person=False)
    make_therapist(name="Office only", offers_online=False, offers_in_person=True, city="Fresno")
    make_therapist(name="Both", offers_online=True, offers_in_person=True, city="Fresno")
    client, _ = make_client(session_format=session_format)

    results = find_matches(client)

    assert names(results) == listed
    assert removals(results).get("session_format") == message


def test_the_results_page_says_what_each_filter_removed(client: Browser) -> None:
    for index in range(4):
        make_therapist(name=f"California {index}", states=("CA",))
    make_therapist(name="Ohio, office only", states=("OH",), offers_online=False, offers_in_person=True)
    make_therapist(name="Ohio, full", states=("OH",), accepting_new_clients=False)
    make_therapist(name="Ohio online", states=("OH",))
    _, token = make_client(state="OH", session_format="online")

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert "4 therapists are not licensed in Ohio." in html
    assert "1 therapist is not taking new clients." in html
    assert "1 therapist does not see clients online." in html
    assert "1 of 7 therapists in the directory fits your needs" in html
    assert "Ohio online" in html
