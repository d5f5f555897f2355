"""One private link can send only a few consultation requests a day; the next gets a kind 429 page."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from profiles.models import Therapist
from tests.factories import make_client, make_therapist_user

pytestmark = pytest.mark.django_db

FILLED = {"name": "Sam", "contact": "sam@example.org", "message": "Evenings suit me best.", "share": "on"}


def ask(client: Browser, token: str, therapist: Therapist) -> int:
    return client.post(reverse("questionnaire:request_consultation", args=[token, therapist.pk]), FILLED).status_code


@pytest.mark.parametrize("limit", [3])
def test_it_refuses_the_fourth_request_in_a_day_from_one_link(client: Browser, limit: int) -> None:
    therapists = [make_therapist_user(f"t{number}", name=f"Therapist {number}") for number in range(limit + 1)]
    _owner, token = make_client()

    statuses = [ask(client, token, therapist) for therapist in therapists]

    assert statuses == [302, 302, 302, 429]
    assert ConsultationRequest.objects.count() == 3 and len(mail.outbox) == 3


def test_the_429_page_says_kindly_when_to_try_again(client: Browser) -> None:
    therapists = [make_therapist_user(f"t{number}", name=f"Therapist {number}") for number in range(4)]
    _owner, token = make_client()
    for therapist in therapists[:3]:
        ask(client, token, therapist)

    response = client.post(reverse("questionnaire:request_consultation", args=[token, therapists[3].pk]), FILLED)

    assert response.status_code == 429
    assert response["Retry-After"] == str(24 * 60 * 60)
    html = response.content.decode()
    assert "Please wait a little before trying again" in html
    assert "You can try again tomorrow." in html


def test_another_link_is_not_held_back_by_the_first(client: Browser) -> None:
    therapists = [make_therapist_user(f"t{number}", name=f"Therapist {number}") for number in range(4)]
    _first, first_token = make_client()
    _second, second_token = make_client()
    for therapist in therapists[:3]:
        ask(client, first_token, therapist)

    assert ask(client, second_token, therapists[3]) == 302


def test_a_refused_form_does_not_use_up_the_days_requests(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    _owner, token = make_client()
    for _attempt in range(5):
        client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), {**FILLED, "share": ""})

    assert ask(client, token, dana) == 302
