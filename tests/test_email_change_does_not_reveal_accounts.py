"""Asking to move a login to an address that already has an account reads exactly like any other request,
and never changes that address's owner or the one who asked; a link for an address taken since refuses kindly."""

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

LINK = re.compile(r"/therapist/account/email/confirm/\S+/")


@pytest.fixture
def robin() -> Therapist:
    therapist = make_therapist_user("robin", name="Robin Lee")
    mail.outbox.clear()
    return therapist


def ask(browser: Browser, new_email: str) -> tuple[list[tuple[str, int]], str]:
    response = browser.post(
        reverse("profiles:email_change"), {"new_email": new_email, "password": PASSWORD}, follow=True
    )
    page = response.content.decode().replace(new_email.lower(), "ADDRESS")
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)  # masked afresh on every page
    return response.redirect_chain, page


def test_a_taken_address_and_a_free_one_get_the_same_page(client: Browser, robin: Therapist) -> None:
    make_user("sam@example.com", email="sam@example.com")
    client.force_login(robin.user)

    taken_chain, taken_page = ask(client, "Sam@Example.com")
    free_chain, free_page = ask(client, "Nobody@Example.com")

    assert taken_chain == free_chain == [(reverse("profiles:account"), 302)]
    assert taken_page == free_page
    assert "We have sent a link to ADDRESS." in taken_page


def test_a_taken_address_gets_a_note_instead_of_a_link_and_nothing_changes(client: Browser, robin: Therapist) -> None:
    sam = make_user("sam@example.com", email="sam@example.com")
    client.force_login(robin.user)

    ask(client, "sam@example.com")

    assert [message.to for message in mail.outbox] == [["sam@example.com"], ["robin@example.com"]]
    note, notice = mail.outbox
    assert note.subject == "Someone asked to move a Matchmaker account to your address"
    assert "nothing was changed" in note.body
    assert not LINK.search(note.body)
    assert notice.subject == "A change of address was asked for on your Matchmaker account"
    users = get_user_model().objects
    assert users.get(pk=robin.user_id).email == "robin@example.com"
    assert users.get(pk=sam.pk).email == "sam@example.com"


def test_a_link_for_an_address_taken_since_refuses_kindly_and_changes_nothing(
    client: Browser, robin: Therapist
) -> None:
    client.force_login(robin.user)
    ask(client, "sam@example.com")
    link = LINK.search(mail.outbox[0].body)
    assert link is not None
    make_user("sam@example.com", email="sam@example.com")  # signed up meanwhile

    response = Browser().post(link.group(0))

    assert response.status_code == 409
    assert "<h1>Your address could not be changed</h1>" in response.content.decode()
    assert get_user_model().objects.get(pk=robin.user_id).username == "robin"
    assert get_user_model().objects.filter(email__iexact="sam@example.com").count() == 1
