"""The compare page runs a fixed number of queries, for two therapists or three."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db

# 1 the client behind the token, 1 the chosen therapists as the form checks them against the shortlist,
# 1 the therapists again with their rows, and 5 their relations (states, languages, plans, concerns, ways of working).
COMPARE_QUERIES = 8


@pytest.mark.parametrize("count", [2, 3])
def test_it_runs_the_same_number_of_queries_for_two_or_three(
    client: Browser, django_assert_num_queries: Any, count: int
) -> None:
    owner, token = make_client(directness_point=2, directness_importance=3)
    chosen = []
    for index in range(count):
        therapist = make_therapist(
            name=f"Therapist {index}",
            license_number=f"L{index}",
            languages=("en", "es"),
            insurance_plans=("aetna", "cigna"),
            concerns=("anxiety", "grief"),
        )
        owner.shortlist.create(therapist=therapist)
        chosen.append(therapist.pk)

    with django_assert_num_queries(COMPARE_QUERIES):
        response = client.get(reverse("questionnaire:compare", args=[token]), {"therapist": chosen})

    assert response.status_code == 200
    assert response.content.decode().count('<th scope="col">') == count
