"""Failed logins are limited per account and address by django-axes; the lockout page is kind."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

HERE = "203.0.113.7"
ELSEWHERE = "198.51.100.23"


def log_in(client: Browser, password: str, address: str = HERE) -> object:
    return client.post(reverse("login"), {"username": "robin", "password": password}, REMOTE_ADDR=address)


def test_it_locks_the_account_for_that_address_after_the_failure_limit(client: Browser) -> None:
    make_user("robin")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, "wrong password")
        assert response.status_code == 200  # the login form again, with its message
    response = log_in(client, "wrong password")
    assert response.status_code == 429

    # Now even the right password does not get in from here.
    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert b"Logging in is paused for now" in response.content
    assert b"Nothing has changed in the account itself" in response.content
    assert reverse("password_reset").encode() in response.content


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(client: Browser) -> None:
    make_user("robin")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong password")

    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_the_same_account_from_another_address_can_still_log_in(client: Browser) -> None:
    make_user("robin")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong password")

    response = log_in(Browser(), PASSWORD, address=ELSEWHERE)

    assert response.status_code == 302


def test_failures_typed_in_any_case_count_against_the_same_account(client: Browser) -> None:
    make_user("robin@example.com", email="robin@example.com")
    spellings = ["Robin@Example.com", "ROBIN@EXAMPLE.COM", "robin@example.com", "rObIn@eXaMpLe.CoM"]
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            reverse("login"),
            {"username": spellings[attempt % len(spellings)], "password": "wrong password"},
            REMOTE_ADDR=HERE,
        )
        assert response.status_code == 200
    response = client.post(
        reverse("login"), {"username": "ROBIN@example.COM", "password": "wrong password"}, REMOTE_ADDR=HERE
    )
    assert response.status_code == 429

    # Locked out whichever way the address is typed, even with the right password.
    for spelling in ("robin@example.com", "Robin@Example.com"):
        response = client.post(reverse("login"), {"username": spelling, "password": PASSWORD}, REMOTE_ADDR=HERE)
        assert response.status_code == 429
    assert "_auth_user_id" not in client.session
