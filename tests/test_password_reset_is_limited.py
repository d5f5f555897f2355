"""Reset emails are limited per address and per account, and the page never tells which limit or account."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

HERE = "203.0.113.7"


def ask(client: Browser, email: str, address: str = HERE) -> int:
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address).status_code


def test_one_account_gets_at_most_three_emails_an_hour_and_the_page_does_not_change(client: Browser) -> None:
    make_user("robin@example.com", email="robin@example.com")

    statuses = [ask(client, "robin@example.com", address=f"198.51.100.{number}") for number in range(6)]

    assert statuses == [302] * 6
    assert len(mail.outbox) == 3


def test_an_address_without_an_account_reads_the_same(client: Browser) -> None:
    make_user("robin@example.com", email="robin@example.com")
    for number in range(4):
        ask(client, "robin@example.com", address=f"198.51.100.{number}")

    known = client.post(reverse("password_reset"), {"email": "robin@example.com"}, REMOTE_ADDR="192.0.2.8", follow=True)
    unknown = client.post(
        reverse("password_reset"), {"email": "nobody@example.com"}, REMOTE_ADDR="192.0.2.9", follow=True
    )

    assert known.redirect_chain == unknown.redirect_chain == [(reverse("password_reset_done"), 302)]
    assert known.content == unknown.content


def test_one_client_address_is_paused_after_ten_requests_an_hour(client: Browser) -> None:
    statuses = [ask(client, f"person{number}@example.com") for number in range(11)]

    assert statuses == [302] * 10 + [429]
    response = client.post(reverse("password_reset"), {"email": "a@example.com"}, REMOTE_ADDR=HERE)
    assert "You can try again within an hour." in response.content.decode()
