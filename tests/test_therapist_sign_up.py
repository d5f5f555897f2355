"""A therapist signs up with an email address and a password and lands in the profile editor."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests.factories import PASSWORD, make_therapist_user, make_user

pytestmark = pytest.mark.django_db

URL = reverse("profiles:sign_up")


def sign_up_post(**overrides: str) -> dict[str, str]:
    data = {"name": "Dr. Robin Lee", "email": "Robin.Lee@Example.com", "password1": PASSWORD, "password2": PASSWORD}
    data.update(overrides)
    return data


def test_it_shows_the_form(client: Browser) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert b"Create a therapist account" in response.content


def test_it_creates_an_account_named_by_the_lowercased_email_and_a_draft_profile(client: Browser) -> None:
    response = client.post(URL, sign_up_post())

    user = get_user_model().objects.get()
    therapist = Therapist.objects.get()
    assert user.username == "robin.lee@example.com"
    assert user.email == "robin.lee@example.com"
    assert user.check_password(PASSWORD)
    assert therapist.user == user
    assert therapist.name == "Dr. Robin Lee"
    assert therapist.status == Therapist.Status.DRAFT
    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:edit", args=[therapist.pk])
    # Logged in: the dashboard opens without a detour through the login page.
    assert client.get(reverse("profiles:dashboard")).status_code == 200


def test_the_new_account_can_log_in_with_its_email_address(client: Browser) -> None:
    client.post(URL, sign_up_post())
    client.post(reverse("logout"))

    response = client.post(reverse("login"), {"username": "robin.lee@example.com", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:dashboard")


@pytest.mark.parametrize("taken", ["robin.lee@example.com", "ROBIN.LEE@EXAMPLE.COM"])
def test_an_email_already_in_use_is_refused_whatever_its_case(client: Browser, taken: str) -> None:
    make_user(taken.lower(), email=taken.lower())

    response = client.post(URL, sign_up_post(email=taken.swapcase()))

    assert response.status_code == 400
    assert "There is already an account with this email address." in response.context["form"].errors["email"][0]
    assert get_user_model().objects.count() == 1
    assert not Therapist.objects.exists()


def test_an_email_used_by_an_account_with_another_username_is_refused(client: Browser) -> None:
    make_user("curator", email="robin.lee@example.com")

    response = client.post(URL, sign_up_post())

    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert get_user_model().objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"password2": PASSWORD + "x"}, "password2", id="passwords differ"),
        pytest.param({"password1": "robin123", "password2": "robin123"}, "password2", id="weak password"),
        pytest.param({"email": "not an address"}, "email", id="not an email"),
        pytest.param({"name": ""}, "name", id="no name"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_keeps_what_was_typed(
    client: Browser, overrides: dict[str, str], field: str
) -> None:
    data = sign_up_post(**overrides)
    response = client.post(URL, data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert b"Some details need another look" in response.content
    if field != "name":
        assert data["name"].encode() in response.content
    assert not get_user_model().objects.exists()


def test_a_logged_in_therapist_is_sent_to_their_dashboard(client: Browser) -> None:
    therapist = make_therapist_user("robin")
    client.force_login(therapist.user)

    response = client.post(URL, sign_up_post(email="another@example.com"))

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:dashboard")
    assert Therapist.objects.count() == 1
