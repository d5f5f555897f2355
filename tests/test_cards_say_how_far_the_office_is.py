"""Cards, profiles and the compare table say how a client could meet a therapist, with the office's distance."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker import geo
from profiles.models import Listing, Therapist
from questionnaire.models import Client
from questionnaire.results_body import forget_kept_results
from questionnaire.templatetags.meeting_words import distance_words, ways_to_meet
from tests.factories import make_client, make_therapist


@pytest.mark.parametrize(
    ("miles", "words"),
    [
        (0.0, "less than a mile away"),
        (0.99, "less than a mile away"),
        (1.2, "1 mile away"),
        (7.27, "7 miles away"),
        (24.6, "25 miles away"),
    ],  # fmt: skip
)
def test_distances_are_said_to_the_mile(miles: float, words: str) -> None:
    assert distance_words(miles) == words


def unsaved(**fields: object) -> Therapist:
    return Therapist(name="T", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"offers_online": True, "offers_in_person": False}, "Online only"),
        ({"offers_online": False, "offers_in_person": True, "office_zip": "43123", "city": "Grove City"},
         "In person in Grove City, 7 miles away"),
        ({"offers_online": True, "offers_in_person": True, "office_zip": "43215", "city": "Columbus"},
         "Online and in person in Columbus, less than a mile away"),
        ({"offers_online": True, "offers_in_person": True, "office_zip": "44114", "city": "Cleveland"},
         "Online and in person in Cleveland, 127 miles away"),
    ],
)  # fmt: skip
def test_the_ways_to_meet_name_the_distance_from_the_clients_zip_code(fields: dict[str, object], words: str) -> None:
    columbus = Client(state="OH", session_format="either", zip_code="43215")

    assert ways_to_meet(unsaved(**fields), columbus) == words


def test_without_the_clients_zip_code_only_the_city_is_said() -> None:
    therapist = unsaved(offers_online=False, offers_in_person=True, office_zip="43215", city="Columbus")

    assert ways_to_meet(therapist, None) == "In person in Columbus"


@pytest.mark.django_db
def test_the_results_card_the_profile_and_the_compare_table_say_the_distance(client: Browser) -> None:
    near = make_therapist(name="Grove City office", states=("OH",), offers_online=False, offers_in_person=True,
                          office_zip="43123", city="Grove City")  # fmt: skip
    both = make_therapist(name="Columbus, both", states=("OH",), offers_in_person=True, office_zip="43215",
                          city="Columbus")  # fmt: skip
    owner, token = make_client(state="OH", session_format="either", zip_code="43215")
    for therapist in (near, both):
        owner.shortlist.create(therapist=therapist)

    results = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    profile = client.get(reverse("questionnaire:therapist_for_client", args=[token, near.pk])).content.decode()
    compare = client.get(reverse("questionnaire:compare", args=[token]), {"therapist": [near.pk, both.pk]})

    assert "In person in Grove City, 7 miles away" in results
    assert "Online and in person in Columbus, less than a mile away" in results
    assert "In person in Grove City, 7 miles away" in profile
    assert "Online and in person in Columbus, less than a mile away" in compare.content.decode()


@pytest.mark.django_db
def test_the_public_profile_says_the_city_without_a_distance(client: Browser) -> None:
    therapist = make_therapist(offers_online=False, offers_in_person=True, office_zip="43215", city="Columbus")

    response = client.get(reverse("questionnaire:therapist", args=[therapist.pk]))

    assert response.status_code == 200
    assert "In person in Columbus<" in response.content.decode()


@pytest.mark.django_db
def test_results_cards_measure_from_the_listings_office_without_looking_a_zip_code_up(
    client: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    near = make_therapist(name="Grove City office", states=("OH",), offers_online=False, offers_in_person=True,
                          office_zip="43123", city="Grove City")  # fmt: skip
    owner, token = make_client(state="OH", session_format="either", zip_code="43215")
    westerville = geo.place("43081")
    assert westerville is not None
    geo.place("43215")  # the client's own ZIP code, known before the page is asked for
    looked_up: list[str] = []
    real_place = geo.place

    def counting_place(zip_code: str) -> geo.Place | None:
        looked_up.append(zip_code)
        return real_place(zip_code)

    monkeypatch.setattr(geo, "place", counting_place)
    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert "In person in Grove City, 7 miles away" in html  # from the listing row's latitude and longitude
    assert near.office_zip not in looked_up
    # The card explains the row it was ranked from: a listing that places the office elsewhere is what it says.
    Listing.objects.filter(therapist=near).update(
        office_latitude=westerville.latitude, office_longitude=westerville.longitude
    )
    forget_kept_results(owner)
    again = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    assert "In person in Grove City, 11 miles away" in again


@pytest.mark.django_db
def test_a_page_without_a_client_looks_no_zip_code_up(client: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    therapist = make_therapist(offers_online=False, offers_in_person=True, office_zip="43215", city="Columbus")
    looked_up: list[str] = []
    monkeypatch.setattr(geo, "place", lambda zip_code: looked_up.append(zip_code))

    response = client.get(reverse("questionnaire:therapist", args=[therapist.pk]))

    assert "In person in Columbus<" in response.content.decode()
    assert looked_up == []  # the distance needs the client's ZIP code too, so the office's is not looked up
