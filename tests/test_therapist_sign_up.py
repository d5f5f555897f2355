"""A therapist signs up with an email address and a password, confirms the address and lands in the profile editor."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
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


def confirm_link(message: mail.EmailMessage) -> str:
    found = re.search(r"http://testserver(/therapist/sign-up/confirm/\S+/)", message.body)
    assert found is not None, message.body
    return found.group(1)


def test_it_starts_a_closed_account_named_by_the_lowercased_email_and_a_draft_profile(client: Browser) -> None:
    response = client.post(URL, sign_up_post())

    user = get_user_model().objects.get()
    therapist = Therapist.objects.get()
    assert user.username == "robin.lee@example.com"
    assert user.email == "robin.lee@example.com"
    assert user.check_password(PASSWORD)
    assert not user.is_active  # until the address is confirmed
    assert therapist.user == user
    assert therapist.name == "Dr. Robin Lee"
    assert therapist.status == Therapist.Status.DRAFT
    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:sign_up_sent")
    assert "Check your email to continue" in client.get(response["Location"]).content.decode()
    assert "_auth_user_id" not in client.session
    (message,) = mail.outbox
    assert message.to == ["robin.lee@example.com"]
    assert message.subject == "Confirm your address to open your Matchmaker account"


def test_the_emailed_link_opens_the_account_and_lands_in_the_editor_once(client: Browser) -> None:
    client.post(URL, sign_up_post())
    link = confirm_link(mail.outbox[0])

    response = client.get(link)

    therapist = Therapist.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:edit", args=[therapist.pk])
    assert client.get(reverse("profiles:dashboard")).status_code == 200
    client.post(reverse("logout"))
    spent = client.get(link)
    assert spent.status_code == 400
    assert "This link no longer works" in spent.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_spoiled_link_is_refused_kindly(client: Browser) -> None:
    response = client.get(reverse("profiles:confirm_sign_up", args=["not-base64!", "nonsense"]))

    assert response.status_code == 400
    assert "This link no longer works" in response.content.decode()


def test_the_new_account_can_log_in_with_its_email_address_once_confirmed(client: Browser) -> None:
    client.post(URL, sign_up_post())
    before = client.post(reverse("login"), {"username": "robin.lee@example.com", "password": PASSWORD})
    assert before.status_code == 200
    client.get(confirm_link(mail.outbox[0]))
    client.post(reverse("logout"))

    response = client.post(reverse("login"), {"username": "robin.lee@example.com", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:dashboard")


@pytest.mark.parametrize("taken", ["robin.lee@example.com", "ROBIN.LEE@EXAMPLE.COM"])
def test_an_email_already_in_use_creates_nothing_and_tells_its_owner(client: Browser, taken: str) -> None:
    make_user(taken.lower(), email=taken.lower())

    response = client.post(URL, sign_up_post(email=taken.swapcase()))

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:sign_up_sent")
    assert get_user_model().objects.count() == 1
    assert not Therapist.objects.exists()
    (message,) = mail.outbox
    assert message.to == ["robin.lee@example.com"]
    assert message.subject == "Someone tried to sign up to Matchmaker with your address"
    assert "http://testserver/accounts/password_reset/" in message.body


def test_an_email_used_by_an_account_with_another_username_creates_nothing(client: Browser) -> None:
    make_user("curator", email="robin.lee@example.com")

    response = client.post(URL, sign_up_post())

    assert response["Location"] == reverse("profiles:sign_up_sent")
    assert get_user_model().objects.count() == 1


def test_signing_up_again_before_confirming_sends_the_link_again(client: Browser) -> None:
    client.post(URL, sign_up_post())

    client.post(URL, sign_up_post())

    assert get_user_model().objects.count() == 1
    assert [message.subject for message in mail.outbox] == ["Confirm your address to open your Matchmaker account"] * 2
    assert client.get(confirm_link(mail.outbox[1])).status_code == 302


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
