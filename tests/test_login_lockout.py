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
