"""Costs: the fee ceiling, the need for a sliding scale and the insurance plan are filters, each counted.

A client who needs a sliding scale agrees the fee with the therapist, so a therapist
offering one is not held to their full fee.
"""

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
def fees() -> None:
    make_therapist(name="Sixty", fee=60)
    make_therapist(name="Eighty", fee=80)
    make_therapist(name="Hundred twenty", fee=120)
    make_therapist(name="Hundred fifty, sliding", fee=150, sliding_scale=True)
    make_therapist(name="Free", fee=0)


def test_it_removes_therapists_who_charge_more_than_the_client_can_pay(fees: None) -> None:
    client, _ = make_client(max_fee=80)

    results = find_matches(client)

    assert names(results) == {"Sixty", "Eighty", "Free"}  # the ceiling is inclusive
    assert removals(results) == {"max_fee": "2 therapists charge more than $80 a session"}


def test_no_ceiling_removes_nobody_and_a_ceiling_of_0_keeps_only_free_sessions(fees: None) -> None:
    everyone, _ = make_client(max_fee=None)
    nothing, _ = make_client(max_fee=0)

    assert len(names(find_matches(everyone))) == 5
    assert names(find_matches(nothing)) == {"Free"}


def test_needing_a_sliding_scale_keeps_sliding_scale_therapists_above_the_ceiling(fees: None) -> None:
    client, _ = make_client(max_fee=80, needs_sliding_scale=True)

    results = find_matches(client)

    assert names(results) == {"Hundred fifty, sliding"}
    assert removals(results) == {
        "max_fee": "1 therapist charges more than $80 a session with no sliding scale",
        "needs_sliding_scale": "3 therapists do not offer a sliding scale",
    }


def test_needing_a_sliding_scale_without_a_ceiling_keeps_only_sliding_scales(fees: None) -> None:
    client, _ = make_client(needs_sliding_scale=True)

    results = find_matches(client)

    assert names(results) == {"Hundred fifty, sliding"}
    assert removals(results) == {"needs_sliding_scale": "4 therapists do not offer a sliding scale"}


def test_it_keeps_only_therapists_who_take_the_chosen_insurance() -> None:
    make_therapist(name="Aetna", insurance_plans=("aetna",))
    make_therapist(name="Aetna and Cigna", insurance_plans=("aetna", "cigna"))
    make_therapist(name="Cigna", insurance_plans=("cigna",))
    make_therapist(name="Self-pay", insurance_plans=())
    client, _ = make_client(insurance="aetna")
    self_pay, _ = make_client(insurance="")

    results = find_matches(client)

    assert names(results) == {"Aetna", "Aetna and Cigna"}
    assert removals(results) == {"insurance": "2 therapists do not take Aetna"}
    assert len(find_matches(self_pay).matches) == 4
