"""Sending the same request twice saves it once; the second submit shows the request already waiting."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import IntegrityError
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from questionnaire.reaching_out import consultation_request_create
from tests.factories import make_client, make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db

FILLED = {"name": "Sam", "contact": "sam@example.org", "message": "Evenings suit me best.", "share": "on"}


def test_a_second_submit_shows_the_request_already_sent(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    _owner, token = make_client()
    url = reverse("questionnaire:request_consultation", args=[token, dana.pk])

    client.post(url, FILLED)
    response = client.post(url, FILLED, follow=True)

    sent = ConsultationRequest.objects.get()
    assert response.redirect_chain == [(reverse("questionnaire:request_sent", args=[token, sent.pk]), 302)]
    assert (
        "You are already in conversation with Dana Exact; write to them here, under your request."
        in response.content.decode()
    )
    assert len(mail.outbox) == 1


def test_an_answered_conversation_still_open_takes_the_next_words_instead_of_a_new_request(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    owner, token = make_client()
    answered = make_consultation_request(dana, client=owner, status=ConsultationRequest.Status.REPLIED)

    response = client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), FILLED)

    assert response["Location"] == reverse("questionnaire:request_sent", args=[token, answered.pk])
    assert ConsultationRequest.objects.count() == 1


def test_once_the_conversation_is_closed_the_client_can_ask_again(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    owner, token = make_client()
    make_consultation_request(dana, client=owner, status=ConsultationRequest.Status.CLOSED)

    client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), FILLED)

    assert ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW).count() == 1


def test_the_database_keeps_a_second_open_request_out() -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    owner, _token = make_client()
    make_consultation_request(dana, client=owner)

    with pytest.raises(IntegrityError):
        ConsultationRequest.objects.create(client=owner, therapist=dana, name="Sam", contact="1", message="again")


def test_a_submit_that_loses_the_race_returns_the_winner_without_a_second_email() -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    owner, _token = make_client()
    winner = make_consultation_request(dana, client=owner)

    sent = consultation_request_create(
        client=owner,
        therapist=dana,
        name="Sam",
        contact="sam@example.org",
        message="Evenings suit me best.",
        share=True,
        inbox_url="http://testserver/therapist/",
    )

    assert sent == winner and ConsultationRequest.objects.count() == 1 and mail.outbox == []
