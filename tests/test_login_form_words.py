"""The login form asks for an email address, and its error does not claim that case matters."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_therapist_user

pytestmark = pytest.mark.django_db


def test_it_labels_the_username_field_as_an_email_address(client: Browser) -> None:
    html = " ".join(client.get(reverse("login")).content.decode().split())

    assert '<label for="id_username" class="form-label requiredField"> Email address<span' in html
    assert "Username" not in html


def test_it_refuses_a_wrong_password_without_saying_case_matters(client: Browser) -> None:
    make_therapist_user("robin")

    response = client.post(reverse("login"), {"username": "robin@example.com", "password": "wrong"})

    html = response.content.decode()
    assert (
        "That email address and password do not match an account. "
        "Please check them and try again; capitals in the email address do not matter."
    ) in html
    assert "case-sensitive" not in html
