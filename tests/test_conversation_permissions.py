"""Every conversation URL, climbed as a ladder on both sides: nobody but its client and its therapist gets in.

The client side: another link, a made-up link, a logged-in therapist or staff member without the link.
The therapist side: anonymous, another therapist, staff, the right therapist. Each refusal changes nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest, Message
from tests.factories import make_client, make_consultation_request, make_staff, make_therapist_user

pytestmark = pytest.mark.django_db

SECRET = "Only these two should ever read this."
CLIENT_URLS = [("request_sent", "get"), ("request_message", "post"), ("request_close", "post")]
THERAPIST_URLS = [("conversation", "get"), ("reply", "post"), ("mark_answered", "post"), ("close_request", "post")]


@pytest.fixture
def conversation() -> tuple[ConsultationRequest, str]:
    robin = make_therapist_user("robin")
    owner, token = make_client()
    consultation = make_consultation_request(robin, client=owner, message=SECRET)
    return consultation, token


def snapshot() -> list[Any]:
    return [
        list(ConsultationRequest.objects.values_list("pk", "status", "first_reply_at", "closed_at")),
        list(Message.objects.values_list("pk", "body")),
    ]


def send(browser: Browser, method: str, url: str) -> Any:
    return browser.post(url, {"body": "Not mine to write."}) if method == "post" else browser.get(url)


@pytest.mark.parametrize(("name", "method"), CLIENT_URLS)
def test_another_link_or_a_made_up_one_gets_not_found(client: Browser, conversation, name: str, method: str) -> None:
    consultation, _token = conversation
    _other, other_token = make_client()
    before = snapshot()

    for token in (other_token, "made-up-link-0000000000000000000000"):
        response = send(client, method, reverse(f"questionnaire:{name}", args=[token, consultation.pk]))
        assert response.status_code == 404
        assert SECRET.encode() not in response.content
    assert snapshot() == before


@pytest.mark.parametrize(("name", "method"), THERAPIST_URLS)
def test_the_therapist_side_refuses_everyone_but_the_therapist(
    client: Browser, conversation, name: str, method: str
) -> None:
    consultation, _token = conversation
    url = reverse(f"profiles:{name}", args=[consultation.pk])
    before = snapshot()

    anonymous = send(client, method, url)
    assert anonymous.status_code == 302 and anonymous["Location"] == f"{reverse('login')}?next={url}"
    for stranger in (make_therapist_user("sam").user, make_staff("curator", is_superuser=True)):
        client.force_login(stranger)
        response = send(client, method, url)
        assert response.status_code == 404
        assert SECRET.encode() not in response.content
    assert snapshot() == before

    client.force_login(consultation.therapist.user)
    assert send(client, method, url).status_code in (200, 302)
