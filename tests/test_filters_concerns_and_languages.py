"""Concerns and languages: therapists shown work with every concern chosen and speak a language chosen."""

from __future__ import annotations

import pytest

from matchmaker.matching.find import find_matches
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def names(results) -> set[str]:  # type: ignore[no-untyped-def]
    return {match.therapist.name for match in results.matches}


def removals(results) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {removal.key: removal.text for removal in results.removals}


@pytest.fixture
def speakers() -> None:
    make_therapist(name="English", languages=("en",))
    make_therapist(name="Spanish", languages=("es",))
    make_therapist(name="English and Vietnamese", languages=("en", "vi"))
    make_therapist(name="None listed", languages=())


def test_it_keeps_therapists_who_speak_at_least_one_chosen_language(speakers: None) -> None:
    client, _ = make_client(languages=["es", "vi"])

    results = find_matches(client)

    assert names(results) == {"Spanish", "English and Vietnamese"}
    assert removals(results) == {"languages": "2 therapists do not offer sessions in Spanish or Vietnamese"}


def test_choosing_no_language_removes_nobody(speakers: None) -> None:
    client, _ = make_client(languages=[])

    assert len(find_matches(client).matches) == 4


@pytest.fixture
def helpers() -> None:
    make_therapist(name="Anxiety", concerns=("anxiety",))
    make_therapist(name="Grief", concerns=("grief",))
    make_therapist(name="Anxiety, grief and trauma", concerns=("anxiety", "grief", "trauma"))
    make_therapist(name="None listed", concerns=())


def test_it_keeps_therapists_who_work_with_every_chosen_concern_and_names_them(helpers: None) -> None:
    client, _ = make_client(concerns=["anxiety", "grief"])

    results = find_matches(client)

    assert names(results) == {"Anxiety, grief and trauma"}
    assert removals(results) == {"concerns": "3 therapists do not list all of what you chose (Anxiety, Grief and loss)"}


def test_one_concern_is_named_on_its_own(helpers: None) -> None:
    client, _ = make_client(concerns=["grief"])

    results = find_matches(client)

    assert names(results) == {"Grief", "Anxiety, grief and trauma"}
    assert removals(results) == {"concerns": "2 therapists do not list Grief and loss among what they work with"}


def test_choosing_no_concern_removes_nobody(helpers: None) -> None:
    client, _ = make_client(concerns=[])

    assert len(find_matches(client).matches) == 4
