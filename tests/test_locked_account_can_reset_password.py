"""A locked-out owner is pointed to the password reset, and a new password lets them in at once."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a quiet lake at dawn 42"
HERE = "203.0.113.7"


def log_in(client: Browser, password: str) -> int:
    data = {"username": "robin@example.com", "password": password}
    return client.post(reverse("login"), data, REMOTE_ADDR=HERE).status_code


def test_the_lockout_page_links_to_a_reset_that_works_straight_away(client: Browser) -> None:
    make_user("robin@example.com", email="robin@example.com")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong password")
    locked = client.post(reverse("login"), {"username": "robin@example.com", "password": "x"}, REMOTE_ADDR=HERE)
    assert locked.status_code == 429
    assert "you can log in with it straight away" in locked.content.decode()
    assert f'href="{reverse("password_reset")}"' in locked.content.decode()

    client.post(reverse("password_reset"), {"email": "robin@example.com"}, REMOTE_ADDR=HERE)
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True, REMOTE_ADDR=HERE)
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    client.post(form_page.redirect_chain[-1][0], data, REMOTE_ADDR=HERE)

    assert not AccessAttempt.objects.filter(username="robin@example.com").exists()
    assert log_in(client, NEW_PASSWORD) == 302
