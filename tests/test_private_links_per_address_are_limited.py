"""One address can create only so many private links an hour; answering the later steps is not limited."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.test import override_settings
from django.urls import reverse

from questionnaire.models import Client
from tests.factories import questionnaire_step_post

pytestmark = pytest.mark.django_db


def start(client: Browser, address: str) -> int:
    url = reverse("questionnaire:start")
    return client.post(url, questionnaire_step_post(1), REMOTE_ADDR=address).status_code


def test_it_refuses_the_eleventh_new_link_in_an_hour_from_one_address(client: Browser) -> None:
    statuses = [start(client, "203.0.113.7") for _attempt in range(11)]

    assert statuses == [302] * 10 + [429]
    assert Client.objects.count() == 10


def test_the_429_page_says_to_try_again_within_the_hour(client: Browser) -> None:
    for _attempt in range(10):
        start(client, "203.0.113.7")

    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1), REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 429 and response["Retry-After"] == "3600"
    assert "You can try again within an hour." in response.content.decode()


def test_another_address_can_still_start(client: Browser) -> None:
    for _attempt in range(11):
        start(client, "203.0.113.7")

    assert start(client, "198.51.100.2") == 302


@override_settings(RATE_LIMIT_PRIVATE_LINKS="2/h")
def test_the_limit_is_a_setting(client: Browser) -> None:
    assert [start(client, "203.0.113.7") for _attempt in range(3)] == [302, 302, 429]


def test_reading_the_first_step_is_never_limited(client: Browser) -> None:
    for _attempt in range(11):
        start(client, "203.0.113.7")

    assert client.get(reverse("questionnaire:start"), REMOTE_ADDR="203.0.113.7").status_code == 200
