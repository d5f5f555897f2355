"""For any directory and any client: the database filters agree with the rules in plain Python.

Who is left, how many each filter removed (each therapist counted once, by the first
filter they fail), and which need relaxing alone would show the most.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchmaker import vocabulary
from matchmaker.matching.find import find_matches
from profiles.models import Therapist
from questionnaire.models import Client
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db

STATES = ["CA", "OH"]
LANGUAGES = [code for code, _ in vocabulary.LANGUAGES[:4]]
CONCERNS = [code for code, _ in vocabulary.CONCERNS[:4]]
PLANS = [code for code, _ in vocabulary.INSURANCE_PLANS[:3]]
GENDERS = [code for code, _ in vocabulary.GENDERS]
FAITHS = [code for code, _ in vocabulary.FAITHS[:2]]
AGES = {code: (youngest, oldest) for code, _, youngest, oldest in vocabulary.AGE_RANGES}
YEAR = timezone.now().year


def some(codes: list[str], most: int) -> st.SearchStrategy[list[str]]:
    # In the vocabulary's order, as the forms save them.
    return st.lists(st.sampled_from(codes), unique=True, max_size=most).map(
        lambda chosen: sorted(chosen, key=codes.index)
    )


therapists = st.lists(
    st.fixed_dictionaries(
        {
            "states": some(STATES, 2),
            "languages": some(LANGUAGES, 3),
            "concerns": some(CONCERNS, 3),
            "insurance_plans": some(PLANS, 2),
            "fee": st.integers(0, 300),
            "sliding_scale": st.booleans(),
            "offers_online": st.booleans(),
            "offers_in_person": st.booleans(),
            "accepting_new_clients": st.booleans(),
            "gender": st.sampled_from(["", *GENDERS]),
            "faith": st.sampled_from(["", *FAITHS]),
            "lgbtq_affirming": st.booleans(),
            "birth_year": st.none() | st.integers(YEAR - 90, YEAR - 22),
        }
    ),
    max_size=8,
)
clients = st.fixed_dictionaries(
    {
        "state": st.sampled_from(STATES),
        "session_format": st.sampled_from(["online", "in_person", "either"]),
        "languages": some(LANGUAGES, 2),
        "concerns": some(CONCERNS, 2),
        "max_fee": st.none() | st.integers(0, 300),
        "needs_sliding_scale": st.booleans(),
        "insurance": st.sampled_from(["", *PLANS]),
        "therapist_gender": st.sampled_from(["", *GENDERS]),
        "wants_lgbtq_affirming": st.booleans(),
        "therapist_faith": st.sampled_from(["", *FAITHS]),
        "therapist_age_range": st.sampled_from(["", *AGES]),
    }
)


def failed(t: dict[str, Any], c: dict[str, Any]) -> list[str]:
    """The needs this therapist does not meet, in the order the filters apply, written out independently."""
    meets = {
        "state": c["state"] in t["states"],
        "accepting_new_clients": t["accepting_new_clients"],
        "session_format": {"online": t["offers_online"], "in_person": t["offers_in_person"], "either": True}[
            c["session_format"]
        ],
        "languages": not c["languages"] or bool(set(c["languages"]) & set(t["languages"])),
        "concerns": set(c["concerns"]) <= set(t["concerns"]),
        "max_fee": c["max_fee"] is None
        or t["fee"] <= c["max_fee"]
        or (c["needs_sliding_scale"] and t["sliding_scale"]),
        "needs_sliding_scale": not c["needs_sliding_scale"] or t["sliding_scale"],
        "insurance": not c["insurance"] or c["insurance"] in t["insurance_plans"],
        "therapist_gender": not c["therapist_gender"] or t["gender"] == c["therapist_gender"],
        "wants_lgbtq_affirming": not c["wants_lgbtq_affirming"] or t["lgbtq_affirming"],
        "therapist_faith": not c["therapist_faith"] or t["faith"] == c["therapist_faith"],
        "therapist_age_range": not c["therapist_age_range"]
        or (
            t["birth_year"] is not None
            and AGES[c["therapist_age_range"]][0] <= YEAR - t["birth_year"] <= AGES[c["therapist_age_range"]][1]
        ),
    }
    return [need for need, met in meets.items() if not met]


CANNOT_RELAX = {"state", "accepting_new_clients"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(directory=therapists, answers=clients)
def test_the_database_filters_follow_the_rules(directory: list[dict[str, Any]], answers: dict[str, Any]) -> None:
    Therapist.objects.all().delete()
    Client.objects.all().delete()
    cache.clear()  # the directory's cached size is cleared on commit, and a test's transaction never commits
    for index, fields in enumerate(directory):
        make_therapist(name=f"Therapist {index}", **fields)
    client, _ = make_client(**answers)

    results = find_matches(client)

    fails = {f"Therapist {index}": failed(fields, answers) for index, fields in enumerate(directory)}
    assert {match.therapist.name for match in results.matches} == {name for name, f in fails.items() if not f}
    first_failed = [f[0] for f in fails.values() if f]
    assert {r.key: r.count for r in results.removals} == {need: first_failed.count(need) for need in first_failed}
    assert results.published == len(directory)

    chosen_removed = [need for need in first_failed if need not in CANNOT_RELAX]
    if results.remaining or not chosen_removed:
        assert results.suggestion is None
        return
    alone = {need: sum(1 for f in fails.values() if f == [need]) for need in chosen_removed}
    suggestion = results.suggestion
    assert suggestion is not None
    assert suggestion.removal.key in chosen_removed
    assert suggestion.would_show == alone[suggestion.removal.key] == max(alone.values())
    if suggestion.would_show == 0:
        assert suggestion.removal.count == max(first_failed.count(need) for need in chosen_removed)
