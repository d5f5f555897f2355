"""Ten sign-ups racing with one address make one account; every one of them is answered the same way."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection, connections
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests.factories import PASSWORD

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="races need a database that runs them")

RACERS = 10


@pytest.mark.django_db(transaction=True)
def test_ten_sign_ups_at_once_with_one_address_make_one_account() -> None:
    start = threading.Barrier(RACERS)
    answers: list[tuple[int, str]] = []

    def sign_up() -> None:
        try:
            start.wait()
            data = {"name": "Dr. Robin Lee", "email": "robin@example.com", "password1": PASSWORD, "password2": PASSWORD}
            response = Browser().post(reverse("profiles:sign_up"), data)
            answers.append((response.status_code, response.get("Location", "")))
        finally:
            connections.close_all()

    racers = [threading.Thread(target=sign_up) for _ in range(RACERS)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()

    assert answers == [(302, reverse("profiles:sign_up_sent"))] * RACERS
    assert get_user_model().objects.filter(username="robin@example.com").count() == 1
    assert Therapist.objects.count() == 1
    assert len(mail.outbox) == RACERS
