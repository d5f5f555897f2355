"""A username longer than any account's is a form error on both login pages, never a server error."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_staff

pytestmark = pytest.mark.django_db

TOO_LONG = "a" * 256


@pytest.mark.parametrize("url", [reverse("login"), reverse("admin:login")])
def test_it_says_the_username_is_too_long(client: Browser, url: str) -> None:
    make_staff()

    response = client.post(url, {"username": TOO_LONG, "password": "anything at all"})

    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert "_auth_user_id" not in client.session
