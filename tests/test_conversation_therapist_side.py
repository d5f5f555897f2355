"""A therapist answers in the conversation: the first answer is timed, closing and 'answered by phone' count too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest, Message
from tests.factories import make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def robin(client: Browser):
    therapist = make_therapist_user("robin", name="Robin Hale")
    client.force_login(therapist.user)
    return therapist


def reply(client: Browser, consultation: ConsultationRequest, body: str):
    return client.post(reverse("profiles:reply", args=[consultation.pk]), {"body": body})


def test_the_first_reply_is_timed_and_later_ones_do_not_move_it(client: Browser, robin) -> None:
    consultation = make_consultation_request(robin, name="Ana", message="Evenings suit me.")
    ConsultationRequest.objects.filter(pk=consultation.pk).update(created_at=timezone.now() - timedelta(hours=5))

    before = timezone.now()
    response = reply(client, consultation, "Thank you for writing. Tuesday at six?")
    consultation.refresh_from_db()
    first = consultation.first_reply_at
    reply(client, consultation, "Or Thursday, if easier.")
    consultation.refresh_from_db()

    assert response["Location"] == reverse("profiles:conversation", args=[consultation.pk]) + "#latest"
    assert first is not None and before <= first <= timezone.now()
    assert consultation.first_reply_at == first and consultation.status == "replied"
    assert list(consultation.messages.values_list("sender", flat=True)) == ["therapist", "therapist"]


def test_the_conversation_page_shows_both_sides_escaped(client: Browser, robin) -> None:
    consultation = make_consultation_request(robin, name="<i>Ana</i>", message="<script>alert(1)</script>")
    consultation.messages.create(sender="therapist", body="Hello <b>there</b>")

    html = client.get(reverse("profiles:conversation", args=[consultation.pk])).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "&lt;i&gt;Ana&lt;/i&gt;" in html and "Hello &lt;b&gt;there&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("body", "error"),
    [("", "Please write a message before sending."), ("x" * 2001, "Please keep a message to 2,000 characters")],
)
def test_a_bad_reply_is_refused_and_nothing_changes(client: Browser, robin, body: str, error: str) -> None:
    consultation = make_consultation_request(robin)

    response = reply(client, consultation, body)

    assert response.status_code == 400 and error in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.first_reply_at is None and Message.objects.count() == 0


def test_answering_by_phone_counts_as_an_answer_only_when_a_contact_was_given(client: Browser, robin) -> None:
    with_contact = make_consultation_request(robin, contact="555 123 4567")
    without = make_consultation_request(robin, contact="")

    client.post(reverse("profiles:mark_answered", args=[with_contact.pk]))
    client.post(reverse("profiles:mark_answered", args=[without.pk]))

    with_contact.refresh_from_db()
    without.refresh_from_db()
    assert with_contact.first_reply_at is not None and with_contact.status == "replied"
    assert without.first_reply_at is None and without.status == "new"
    page = client.get(reverse("profiles:conversation", args=[without.pk])).content.decode()
    assert "I answered them by phone or email" not in page


def test_closing_without_a_word_is_still_an_answer_and_the_client_is_told(client: Browser, robin) -> None:
    consultation = make_consultation_request(robin)

    client.post(reverse("profiles:close_request", args=[consultation.pk]))
    refused = reply(client, consultation, "Sorry, one more thing")

    consultation.refresh_from_db()
    assert consultation.status == "closed" and consultation.closed_by == "therapist"
    assert consultation.first_reply_at == consultation.closed_at
    assert refused.status_code == 302 and Message.objects.count() == 0


def test_a_therapist_cannot_write_to_someone_who_deleted_their_messages(client: Browser, robin) -> None:
    consultation = make_consultation_request(robin, name="Ana", message="Private words")
    ConsultationRequest.objects.filter(pk=consultation.pk).update(
        client=None, client_deleted_at=timezone.now(), name="", message="", contact="", status="closed"
    )

    page = client.get(reverse("profiles:conversation", args=[consultation.pk])).content.decode()
    response = reply(client, consultation, "Are you still there?")

    assert "This person deleted their messages" in page and 'name="body"' not in page
    assert response.status_code == 302 and Message.objects.count() == 0
