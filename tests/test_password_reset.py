"""A therapist who forgot their password gets a link by email and chooses a new one."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a quiet lake at dawn 42"


def test_it_emails_a_link_that_lets_them_choose_a_new_password(client: Browser) -> None:
    user = make_user("robin@example.com", email="robin@example.com")

    page = client.get(reverse("password_reset"))
    assert b"Reset your password" in page.content
    response = client.post(reverse("password_reset"), {"email": "Robin@Example.com"})

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert b"Check your email" in client.get(response["Location"]).content
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["robin@example.com"]
    assert message.subject == "A link to reset your Matchmaker password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body)
    assert link is not None

    # The link redirects once to a URL that no longer carries the token.
    form_page = client.get(link.group(1), follow=True)
    assert b"Choose a new password" in form_page.content
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert b"Your password is changed" in client.get(done["Location"]).content

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_email(client: Browser) -> None:
    make_user("robin@example.com", email="robin@example.com")

    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_a_spoiled_link_says_so_kindly(client: Browser) -> None:
    response = client.get(reverse("password_reset_confirm", args=["MQ", "set-password"]))

    assert response.status_code == 200
    assert b"This link has expired" in response.content
    assert reverse("password_reset").encode() in response.content
