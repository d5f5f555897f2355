"""Many logins from one address, across any usernames, are paused with a 429; other addresses are not."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, make_staff, make_user

pytestmark = pytest.mark.django_db

SPRAYER = "203.0.113.66"


def try_logins(client: Browser, url: str, attempts: int) -> list[int]:
    statuses = []
    for number in range(attempts):
        data = {"username": f"person{number}@example.com", "password": "Summer2026!"}
        statuses.append(client.post(url, data, REMOTE_ADDR=SPRAYER).status_code)
    return statuses


def test_the_twenty_first_login_in_ten_minutes_from_one_address_is_paused(client: Browser) -> None:
    statuses = try_logins(client, reverse("login"), 21)

    assert statuses == [200] * 20 + [429]


def test_the_pause_says_when_to_try_again(client: Browser) -> None:
    try_logins(client, reverse("login"), 20)

    response = client.post(reverse("login"), {"username": "x@example.com", "password": "y"}, REMOTE_ADDR=SPRAYER)

    assert response.status_code == 429 and response["Retry-After"] == "600"
    assert "You can try again within 10 minutes." in response.content.decode()


@override_settings(RATE_LIMIT_LOGINS="3/10m")
def test_the_admin_login_shares_the_limit(client: Browser) -> None:
    make_staff()

    assert try_logins(client, reverse("admin:login"), 4)[-1] == 429


@override_settings(RATE_LIMIT_LOGINS="3/10m")
def test_an_owner_at_another_address_still_logs_in(client: Browser) -> None:
    make_user("robin")
    try_logins(client, reverse("login"), 4)

    response = Browser().post(reverse("login"), {"username": "robin", "password": PASSWORD}, REMOTE_ADDR="198.51.100.9")

    assert response.status_code == 302
