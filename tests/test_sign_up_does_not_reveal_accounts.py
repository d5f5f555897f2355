"""Sign-up reads the same, and takes about as long, whether or not the address already has an account."""

from __future__ import annotations

import time

import pytest
from django.test import Client as Browser
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

URL = reverse("profiles:sign_up")


def sign_up(email: str) -> tuple[list[tuple[str, int]], bytes, float]:
    started = time.perf_counter()
    response = Browser().post(
        URL, {"name": "Dr. Robin Lee", "email": email, "password1": PASSWORD, "password2": PASSWORD}, follow=True
    )
    return response.redirect_chain, response.content, time.perf_counter() - started


def test_a_taken_address_and_a_new_one_get_the_same_page() -> None:
    make_user("taken@example.com", email="taken@example.com")

    taken_chain, taken_page, _ = sign_up("taken@example.com")
    new_chain, new_page, _ = sign_up("new@example.com")

    assert taken_chain == new_chain == [(reverse("profiles:sign_up_sent"), 302)]
    assert taken_page == new_page


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])
def test_both_take_about_as_long_with_a_slow_password_hash() -> None:
    make_user("taken@example.com", email="taken@example.com")
    sign_up("warm-up@example.com")

    taken = min(sign_up("taken@example.com")[2] for _ in range(2))
    new = min(sign_up(f"new{number}@example.com")[2] for number in range(2))

    # Hashing the password dominates both; without it on the taken path, that one is many times faster.
    assert taken > new / 3
