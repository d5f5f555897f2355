"""The replies page and its CSV files run a fixed number of queries, however many therapists have requests."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_sent_request, make_staff, make_therapist

pytestmark = pytest.mark.django_db

# 1 the session, 1 the user, 1 every request with its therapist's name, status and demo mark.
PAGE_QUERIES = 3


def therapists_with_requests(size: int) -> None:
    for index in range(size):
        therapist = make_therapist(name=f"Therapist {index}", license_number=f"LIC-{index}")
        make_sent_request(
            therapist,
            sent_ago=timedelta(days=5),
            answered_after=timedelta(hours=2) if index % 2 else None,
            asked_state="CA",
        )
        make_sent_request(therapist, sent_ago=timedelta(days=4))


@pytest.mark.parametrize("size", [5, 12])
@pytest.mark.parametrize("name", ["replies", "replies_therapists_csv"])
def test_the_same_number_of_queries_for_5_or_12_therapists(
    client: Browser, django_assert_num_queries: Any, size: int, name: str
) -> None:
    therapists_with_requests(size)
    client.force_login(make_staff("curator"))

    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(reverse(name))

    assert response.status_code == 200
    assert len(set(re.findall(r"Therapist \d+", response.content.decode()))) == size


@pytest.mark.parametrize("size", [5, 12])
def test_the_states_csv_runs_as_many_queries_as_the_page(
    client: Browser, django_assert_num_queries: Any, size: int
) -> None:
    therapists_with_requests(size)
    client.force_login(make_staff("curator"))

    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(reverse("replies_states_csv"))

    assert (
        response.content.decode().splitlines()[1]
        == f"CA,California,{size},{size // 2},{round(100 * (size // 2) / size)},2.0"
    )
