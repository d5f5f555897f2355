"""The therapist's dashboard shows requests twenty to a page, newest first, within a fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def robin(client: Browser) -> Any:
    therapist = make_therapist_user("robin")
    client.force_login(therapist.user)
    return therapist


def test_the_first_page_holds_the_twenty_newest_and_links_to_older_ones(client: Browser, robin: Any) -> None:
    for number in range(1, 46):
        make_consultation_request(robin, name=f"Client {number:02d}")

    html = client.get(reverse("profiles:dashboard")).content.decode()

    assert "Client 45" in html and "Client 26" in html and "Client 25" not in html
    assert "45 waiting for your first answer." in html
    assert '<nav aria-label="Pages of requests">' in html and "Page 1 of 3" in html
    assert 'href="?page=2#requests-heading">Older</a>' in html


def test_the_last_page_holds_the_oldest(client: Browser, robin: Any) -> None:
    for number in range(1, 46):
        make_consultation_request(robin, name=f"Client {number:02d}")

    html = client.get(reverse("profiles:dashboard"), {"page": 3}).content.decode()

    assert "Client 05" in html and "Client 01" in html and "Client 06" not in html
    assert 'href="?page=2#requests-heading">Newer</a>' in html and "Older" not in html


def test_a_page_that_is_not_a_number_shows_the_first(client: Browser, robin: Any) -> None:
    make_consultation_request(robin, name="Ana")

    response = client.get(reverse("profiles:dashboard"), {"page": "lots", "closed": "999"})

    assert response.status_code == 200 and "Ana" in response.content.decode()


def test_the_queries_do_not_grow_with_the_requests(
    client: Browser, robin: Any, django_assert_max_num_queries: Any
) -> None:
    for number in range(60):
        make_consultation_request(robin, name=f"Client {number}")
        make_consultation_request(robin, name=f"Closed {number}", status="closed")

    with django_assert_max_num_queries(15):
        client.get(reverse("profiles:dashboard"))
