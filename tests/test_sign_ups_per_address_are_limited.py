"""Each sign-up sends an email, so one address can try only so many an hour; then it gets the 429 page."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_up(client: Browser, number: int, address: str = "203.0.113.7") -> int:
    data = {"name": "Dr. Robin Lee", "email": f"r{number}@example.com", "password1": PASSWORD, "password2": PASSWORD}
    return client.post(reverse("profiles:sign_up"), data, REMOTE_ADDR=address).status_code


def test_the_eleventh_sign_up_in_an_hour_from_one_address_is_paused_and_sends_nothing(client: Browser) -> None:
    statuses = [sign_up(client, number) for number in range(11)]

    assert statuses == [302] * 10 + [429]
    assert len(mail.outbox) == 10


def test_another_address_can_still_sign_up(client: Browser) -> None:
    for number in range(11):
        sign_up(client, number)

    assert sign_up(client, 99, address="198.51.100.4") == 302
