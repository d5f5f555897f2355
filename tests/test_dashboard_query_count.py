"""A therapist's dashboard runs a fixed number of queries, however many requests they have had."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db

# 1 the session, 1 the user, 1 the therapist, 1 open requests counted and 1 closed ones (for their pages),
# 1 whether any state is licensed, 1 the page of open requests with their latest messages, 1 new requests counted,
# 1 the published check-in averages, 1 the experienced style, and 1 more read of the therapist's row (as measured;
# a page of requests adds nothing per request).
DASHBOARD_QUERIES = 11


@pytest.mark.parametrize("requests", [1, 5, 25])
def test_it_runs_the_same_number_of_queries_for_1_5_or_25_requests(
    client: Browser, django_assert_num_queries: Any, requests: int
) -> None:
    robin = make_therapist_user("robin")
    for _ in range(requests):
        make_consultation_request(robin)
    client.force_login(robin.user)

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("profiles:dashboard"))

    assert response.status_code == 200
