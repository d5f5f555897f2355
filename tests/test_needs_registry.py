"""The registry of practical needs: each need a client can relax is a field of the refine form,
and its words agree with the count in front of them."""

from __future__ import annotations

import pytest

from matchmaker.matching.needs import NEEDS, client_filters
from questionnaire.forms import REFINE_PRACTICAL_FIELDS
from tests.factories import make_client

pytestmark = pytest.mark.django_db

EVERYTHING = {"session_format": "online", "languages": ["es"], "concerns": ["grief"], "max_fee": 90,
              "needs_sliding_scale": True, "insurance": "aetna", "therapist_gender": "woman",
              "wants_lgbtq_affirming": True, "therapist_faith": "jewish", "therapist_age_range": "35_50"}  # fmt: skip


def test_every_need_the_client_can_relax_is_a_field_of_the_refine_form() -> None:
    # The ZIP code is where the distance need measures from: relaxing it means a wider max_distance.
    assert {need.key for need in NEEDS if need.chosen} == set(REFINE_PRACTICAL_FIELDS) - {"state", "zip_code"}


def test_the_needs_never_relaxed_here_apply_first() -> None:
    keys = [need.key for need in NEEDS]
    assert keys[:3] == ["accepting_new_clients", "availability", "set_aside"]
    assert not any(need.chosen for need in NEEDS[:3])


def test_a_client_who_asks_for_everything_gets_every_need_once_in_registry_order() -> None:
    client, _ = make_client(**EVERYTHING)

    filters = client_filters(client)

    assert [f.key for f in filters] == [
        "accepting_new_clients", "availability", "set_aside", "session_format", "languages", "concerns",
        "max_fee", "needs_sliding_scale", "insurance", "therapist_gender", "wants_lgbtq_affirming",
        "therapist_faith", "therapist_age_range",
    ]  # fmt: skip
    words = {f.key: (f.one, f.many) for f in filters}
    assert words["accepting_new_clients"] == ("is not taking new clients", "are not taking new clients")
    assert words["availability"][1] == "have not confirmed their availability recently"
    assert words["set_aside"] == ("was set aside by you", "were set aside by you")
    assert words["languages"] == ("does not offer sessions in Spanish", "do not offer sessions in Spanish")
    assert words["max_fee"] == (
        "charges more than $90 a session with no sliding scale",
        "charge more than $90 a session with no sliding scale",
    )
    assert words["therapist_age_range"][0] == "did not give an age in the range you chose (35 to 50)"
    for one, many in words.values():
        assert "{" not in one + many
