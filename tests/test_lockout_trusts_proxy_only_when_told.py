"""The client's address comes from X-Forwarded-For only when TRUSTED_PROXY_COUNT says how many proxies wrote it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client as Browser
from django.test import RequestFactory, override_settings
from django.urls import reverse

from matchmaker.rate_limits import client_address
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def address(forwarded_for: str) -> str:
    return client_address(RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for))


def test_by_default_it_uses_the_connecting_address_and_ignores_the_header() -> None:
    assert address("203.0.113.7") == PROXY


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_it_uses_the_entry_that_proxy_wrote() -> None:
    assert address("203.0.113.7") == "203.0.113.7"
    # Whatever the client put in the header itself stands to the left, and is not believed.
    assert address("192.0.2.1, 203.0.113.7") == "203.0.113.7"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_it_uses_the_entry_the_outer_one_wrote() -> None:
    assert address("192.0.2.1, 203.0.113.7, 10.0.0.1") == "203.0.113.7"
    assert address("203.0.113.7") == PROXY  # fewer entries than proxies: something is off, use the connection


def fail_logins(forwarded_for: str) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Browser().post(
            reverse("login"),
            {"username": "robin", "password": "wrong password"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_someone_elses_failures_do_not_lock_the_owner_out() -> None:
    make_user("robin")
    fail_logins("192.0.2.50")

    owner = Browser().post(
        reverse("login"),
        {"username": "robin", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )

    assert owner.status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_lockout_still_holds_for_the_address_that_failed() -> None:
    make_user("robin")
    fail_logins("192.0.2.50")

    again = Browser().post(
        reverse("login"),
        {"username": "robin", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.50",
    )

    assert again.status_code == 429
