"""A therapist's profile runs a fixed number of queries, however much the client has saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_consultation_request, make_therapist

pytestmark = pytest.mark.django_db

# 1 the therapist, 5 their relations (states, languages, plans, concerns, ways of working), 1 the style clients
# experienced, 1 how soon they reply.
PUBLIC_QUERIES = 8
# With a client's link, also: 1 the client, 1 their shortlist (on it? full?), 1 set aside?, 1 their requests to this
# therapist.
CLIENT_QUERIES = PUBLIC_QUERIES + 4


def a_therapist() -> Any:
    return make_therapist(
        name="Dana Exact", languages=("en", "es"), insurance_plans=("aetna", "cigna"), concerns=("anxiety", "grief")
    )


@pytest.mark.parametrize("saved", [0, 4])
def test_the_profile_a_client_sees_runs_the_same_queries_whatever_they_saved(
    client: Browser, django_assert_num_queries: Any, saved: int
) -> None:
    dana = a_therapist()
    owner, token = make_client(directness_point=2, directness_importance=3)
    make_consultation_request(dana, client=owner)
    for index in range(saved):
        owner.shortlist.create(therapist=make_therapist(name=f"Saved {index}", license_number=f"S{index}"))

    with django_assert_num_queries(CLIENT_QUERIES):
        response = client.get(reverse("questionnaire:therapist_for_client", args=[token, dana.pk]))

    assert response.status_code == 200
    assert "Dana Exact" in response.content.decode()


def test_the_public_profile_runs_a_fixed_number_of_queries(client: Browser, django_assert_num_queries: Any) -> None:
    dana = a_therapist()

    with django_assert_num_queries(PUBLIC_QUERIES):
        response = client.get(reverse("questionnaire:therapist", args=[dana.pk]))

    assert response.status_code == 200
