"""A client reaches a therapist without contact details, reads the answer and writes back under their private link."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.conversations import message_send
from matchmaker.alliance.models import ConsultationRequest, Message
from tests.factories import make_client, make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db

NO_CONTACT = {"name": "Sam", "contact": "", "message": "Evenings suit me best.", "share": "on"}


def conversation_url(token: str, sent: ConsultationRequest) -> str:
    return reverse("questionnaire:request_sent", args=[token, sent.pk])


def write(client: Browser, token: str, sent: ConsultationRequest, body: str) -> object:
    return client.post(reverse("questionnaire:request_message", args=[token, sent.pk]), {"body": body})


def test_a_request_needs_no_contact_details_and_the_email_carries_none(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    _owner, token = make_client()

    response = client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), NO_CONTACT)

    sent = ConsultationRequest.objects.get()
    assert response["Location"] == conversation_url(token, sent)
    assert sent.contact == "" and sent.therapist_name == "Dana Reyes"
    assert len(mail.outbox) == 1
    assert (
        "Evenings" not in mail.outbox[0].body and token not in mail.outbox[0].body and "/c/" not in mail.outbox[0].body
    )
    page = client.get(conversation_url(token, sent)).content.decode()
    assert "Their answer will appear on this page." in page


def test_the_client_reads_the_reply_and_sees_when_it_came(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    owner, token = make_client()
    sent = make_consultation_request(dana, client=owner)
    owner.shortlist.create(therapist=dana)
    message_send(request=sent, sender="therapist", body="Happy to talk. <b>Tuesday</b>?")
    Message.objects.update(created_at=timezone.now() - timedelta(hours=2, minutes=5))
    ConsultationRequest.objects.update(first_reply_at=timezone.now() - timedelta(hours=2, minutes=5))

    page = client.get(conversation_url(token, sent)).content.decode()
    results = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    shortlist = client.get(reverse("questionnaire:shortlist", args=[token])).content.decode()

    assert "Dana Reyes replied 2\xa0hours ago." in page
    assert "Happy to talk. &lt;b&gt;Tuesday&lt;/b&gt;?" in page and "<b>Tuesday</b>" not in page
    assert "Conversations (1, 1 replied)" in results  # the one-line summary
    assert "Dana Reyes replied 2\xa0hours ago</a>" in results  # and a line for an answer of the past week
    assert "(replied 2\xa0hours ago)" in shortlist


def test_the_client_writes_back_and_the_therapist_is_told_once_a_turn(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    owner, token = make_client()
    sent = make_consultation_request(dana, client=owner)
    message_send(request=sent, sender="therapist", body="Would Tuesday work?")

    first = write(client, token, sent, "  Tuesday works.  ")
    write(client, token, sent, "At five, if that suits.")

    assert first["Location"] == conversation_url(token, sent) + "#latest"
    assert list(sent.messages.values_list("sender", "body")) == [
        ("therapist", "Would Tuesday work?"),
        ("client", "Tuesday works."),
        ("client", "At five, if that suits."),
    ]
    assert [email.subject for email in mail.outbox] == ["A new message on Matchmaker"]
    assert "Tuesday" not in mail.outbox[0].body and token not in mail.outbox[0].body


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "Please write a message before sending."),
        ("   ", "Please write a message before sending."),
        ("x" * 2001, "Please keep a message to 2,000 characters"),
    ],
)
def test_an_empty_or_overlong_message_is_refused_next_to_the_field(client: Browser, body: str, error: str) -> None:
    owner, token = make_client()
    sent = make_consultation_request(make_therapist_user("dana"), client=owner)

    response = write(client, token, sent, body)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert Message.objects.count() == 0


def test_the_thirty_first_message_in_a_day_is_refused_kindly(client: Browser) -> None:
    owner, token = make_client()
    sent = make_consultation_request(make_therapist_user("dana"), client=owner)

    statuses = [write(client, token, sent, f"Message {n}").status_code for n in range(31)]

    assert statuses == [302] * 30 + [429]
    assert Message.objects.count() == 30


def test_the_client_closes_the_conversation_and_can_still_read_it(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    owner, token = make_client()
    sent = make_consultation_request(dana, client=owner)

    client.post(reverse("questionnaire:request_close", args=[token, sent.pk]))
    refused = write(client, token, sent, "One more thing")

    sent.refresh_from_db()
    assert sent.status == "closed" and sent.closed_by == "client" and sent.first_reply_at is None
    assert Message.objects.count() == 0 and refused.status_code == 302
    page = client.get(conversation_url(token, sent)).content.decode()
    assert "You closed this conversation" in page and 'name="body"' not in page


def test_a_closed_conversation_lets_the_client_write_a_new_request(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    owner, token = make_client()
    make_consultation_request(dana, client=owner, status="closed", closed_by="therapist")

    client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), NO_CONTACT)

    assert ConsultationRequest.objects.filter(client=owner).count() == 2


def test_the_results_page_stops_pointing_to_a_reply_after_a_week(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    owner, token = make_client()
    sent = make_consultation_request(dana, client=owner)
    message_send(request=sent, sender="therapist", body="Happy to talk.")
    Message.objects.update(created_at=timezone.now() - timedelta(days=8))
    ConsultationRequest.objects.update(first_reply_at=timezone.now() - timedelta(days=8))

    results = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert "Conversations (1, 1 replied)" in results and "Dana Reyes replied" not in results
