"""A client asks for a consultation: validated, saved to the therapist's inbox, announced without details."""

from __future__ import annotations

import smtplib
from typing import Any

import pytest
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from profiles.models import Therapist
from tests.factories import make_client, make_therapist, make_therapist_user

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Sam",
    "contact": "sam@example.org",
    "message": "I have been struggling with panic at work and would like to talk about starting sessions.",
    "share": "on",
}


def request_url(token: str, therapist: Therapist) -> str:
    return reverse("questionnaire:request_consultation", args=[token, therapist.pk])


def test_it_saves_the_request_and_shows_what_was_sent(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    owner, token = make_client()

    response = client.post(request_url(token, dana), VALID, follow=True)

    sent = ConsultationRequest.objects.get()
    assert (sent.client, sent.therapist, sent.status) == (owner, dana, ConsultationRequest.Status.NEW)
    assert (sent.name, sent.contact, sent.message) == (VALID["name"], VALID["contact"], VALID["message"])
    assert response.redirect_chain == [(reverse("questionnaire:request_sent", args=[token, sent.pk]), 302)]
    html = response.content.decode()
    assert "Your request is on its way." in html
    assert VALID["message"] in html and VALID["contact"] in html


def test_the_clients_page_lists_the_requests_they_sent(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    _, token = make_client()
    client.post(request_url(token, dana), VALID)
    sent = ConsultationRequest.objects.get()

    results = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    # The results page counts them in its one line; the full list is in the box on the shortlist page.
    html = client.get(reverse("questionnaire:shortlist", args=[token])).content.decode()

    assert "Conversations (1)" in results
    assert reverse("questionnaire:request_sent", args=[token, sent.pk]) in html
    assert "To Dana Exact" in html


def test_the_therapist_gets_a_short_email_without_the_link_or_the_clients_details(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    _, token = make_client()

    client.post(request_url(token, dana), VALID)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [dana.user.email]  # type: ignore[union-attr]
    assert "new consultation request" in email.body
    assert "http://testserver" + reverse("profiles:dashboard") in email.body
    everything = email.subject + email.body + str(email.message())
    for secret in (token, VALID["name"], VALID["contact"], "panic", "/c/"):
        assert secret not in everything, secret


def test_a_therapist_without_an_account_still_gets_the_request_but_no_email(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", user=None)
    _, token = make_client()

    response = client.post(request_url(token, dana), VALID, follow=True)

    assert response.status_code == 200
    assert ConsultationRequest.objects.filter(therapist=dana).count() == 1
    assert mail.outbox == []
    assert "may take a little longer" in response.content.decode()


def test_a_failing_mail_server_does_not_lose_the_request(client: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    dana = make_therapist_user("dana")
    _, token = make_client()

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("questionnaire.reaching_out.send_mail", refuse)

    response = client.post(request_url(token, dana), VALID)

    assert response.status_code == 302
    assert ConsultationRequest.objects.count() == 1


@pytest.mark.parametrize("contact", ["sam@example.org", "+1 (555) 123-4567", "555.123.4567", "07700 900123"])
def test_it_accepts_an_email_address_or_a_phone_number(client: Browser, contact: str) -> None:
    dana = make_therapist()
    _, token = make_client()

    response = client.post(request_url(token, dana), VALID | {"contact": contact})

    assert response.status_code == 302
    assert ConsultationRequest.objects.get().contact == contact


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Please tell them what to call you."),
        ("name", "   ", "Please tell them what to call you."),
        ("name", "x" * 101, "at most 100 characters"),
        ("contact", "call me maybe", "Please give an email address"),
        ("contact", "sam@", "Please give an email address"),
        ("contact", "12345", "Please give an email address"),
        ("contact", "1" * 16, "Please give an email address"),
        ("contact", "x" * 201, "at most 200 characters"),
        ("message", "", "Please write a line or two"),
        ("message", "x" * 2001, "at most 2000 characters"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
    client: Browser, field: str, value: str, message: str
) -> None:
    dana = make_therapist()
    _, token = make_client()

    response = client.post(request_url(token, dana), VALID | {field: value})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="error_1_id_{field}"' in html  # crispy puts the message by the field
    for other, kept in VALID.items():
        if other != field:
            assert kept in html, other
    assert ConsultationRequest.objects.count() == 0
    assert mail.outbox == []


def test_missing_fields_are_a_form_error_not_a_500(client: Browser) -> None:
    dana = make_therapist()
    _, token = make_client()

    assert client.post(request_url(token, dana), {}).status_code == 400
    assert client.post(request_url(token, dana), {"name": ["a", "b"], "junk": "x"}).status_code == 400
    assert ConsultationRequest.objects.count() == 0


def test_a_therapist_not_taking_new_clients_cannot_be_asked(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", accepting_new_clients=False)
    _, token = make_client()

    response = client.post(request_url(token, dana), VALID)

    assert response.status_code == 400
    assert "Dana Exact is not taking new clients at the moment" in response.content.decode()
    assert ConsultationRequest.objects.count() == 0


@pytest.mark.parametrize("status", [Therapist.Status.DRAFT, Therapist.Status.PENDING, Therapist.Status.REJECTED])
def test_an_unpublished_therapist_cannot_be_contacted(client: Browser, status: str) -> None:
    hidden = make_therapist(status=status)
    _, token = make_client()

    assert client.post(request_url(token, hidden), VALID).status_code == 404
    assert ConsultationRequest.objects.count() == 0


def test_tampered_ids_and_links_are_not_found(client: Browser) -> None:
    dana = make_therapist()
    owner, token = make_client()
    _, other_token = make_client()
    client.post(request_url(token, dana), VALID)
    sent = ConsultationRequest.objects.get()

    assert client.post(request_url(token + "x", dana), VALID).status_code == 404
    assert (
        client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk + 1]), VALID).status_code == 404
    )
    assert client.get(reverse("questionnaire:request_sent", args=[other_token, sent.pk])).status_code == 404
    assert client.get(reverse("questionnaire:request_sent", args=[token, sent.pk + 1])).status_code == 404
    assert client.get(request_url(token, dana)).status_code == 405
    assert ConsultationRequest.objects.count() == 1
