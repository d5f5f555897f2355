"""Optional wishes about the therapist (gender, LGBTQ+-affirming, faith, age) are filters, each counted."""

from __future__ import annotations

import pytest
from django.utils import timezone

from matchmaker import vocabulary
from matchmaker.matching.find import find_matches
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def names(results) -> set[str]:  # type: ignore[no-untyped-def]
    return {match.therapist.name for match in results.matches}


def removals(results) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {removal.key: removal.text for removal in results.removals}


@pytest.mark.parametrize("gender", [code for code, _ in vocabulary.GENDERS])
def test_it_keeps_therapists_of_the_chosen_gender_including_non_binary(gender: str) -> None:
    for code, label in vocabulary.GENDERS:
        make_therapist(name=label, gender=code)
    make_therapist(name="Not given", gender="")
    client, _ = make_client(therapist_gender=gender)

    results = find_matches(client)

    label = dict(vocabulary.GENDERS)[gender]
    assert names(results) == {label}
    others = len(vocabulary.GENDERS)  # every other gender, plus the one who did not say
    assert removals(results) == {"therapist_gender": f"{others} therapists did not give their gender as {label}"}


def test_it_keeps_lgbtq_affirming_therapists_when_asked() -> None:
    make_therapist(name="Affirming", lgbtq_affirming=True)
    make_therapist(name="Not stated", lgbtq_affirming=False)
    asks, _ = make_client(wants_lgbtq_affirming=True)
    does_not_ask, _ = make_client(wants_lgbtq_affirming=False)

    results = find_matches(asks)

    assert names(results) == {"Affirming"}
    assert removals(results) == {
        "wants_lgbtq_affirming": "1 therapist does not describe their practice as LGBTQ+-affirming"
    }
    assert len(find_matches(does_not_ask).matches) == 2


def test_it_keeps_therapists_of_the_chosen_faith() -> None:
    make_therapist(name="Jewish", faith="jewish")
    make_therapist(name="Muslim", faith="muslim")
    make_therapist(name="Not given", faith="")
    client, _ = make_client(therapist_faith="jewish")

    results = find_matches(client)

    assert names(results) == {"Jewish"}
    assert removals(results) == {"therapist_faith": "2 therapists did not give their faith as Jewish"}


@pytest.mark.parametrize("age_range", vocabulary.AGE_RANGES, ids=lambda age: age[0])
def test_it_keeps_therapists_whose_age_is_in_the_chosen_range(age_range: tuple[str, str, int, int]) -> None:
    code, label, youngest, oldest = age_range
    year = timezone.now().year
    ages = [25, 34, 35, 50, 51, 80]
    for age in ages:
        make_therapist(name=f"Aged {age}", birth_year=year - age)
    make_therapist(name="Age not given", birth_year=None)
    client, _ = make_client(therapist_age_range=code)

    results = find_matches(client)

    inside = {f"Aged {age}" for age in ages if youngest <= age <= oldest}
    assert names(results) == inside
    outside = len(ages) + 1 - len(inside)
    assert removals(results) == {
        "therapist_age_range": f"{outside} therapists did not give an age in the range you chose ({label.lower()})"
    }


def test_no_wish_about_the_therapist_removes_nobody() -> None:
    make_therapist(name="Anyone", gender="", faith="", birth_year=None, lgbtq_affirming=False)
    client, _ = make_client()

    results = find_matches(client)

    assert names(results) == {"Anyone"}
    assert results.removals == []
