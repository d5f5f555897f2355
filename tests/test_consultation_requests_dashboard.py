"""A therapist's dashboard lists their own conversations, says which wait for them, and folds away closed ones."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest
from tests.factories import make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def robin(client: Browser):
    therapist = make_therapist_user("robin")
    client.force_login(therapist.user)
    return therapist


def test_it_lists_open_conversations_newest_first_and_folds_away_closed_ones(client: Browser, robin) -> None:
    make_consultation_request(robin, name="Ana", message="Evenings suit me best.")
    ben = make_consultation_request(robin, name="Ben", message="Could we meet online?", status="replied")
    ConsultationRequest.objects.filter(pk=ben.pk).update(first_reply_at=timezone.now())
    make_consultation_request(robin, name="Cy", message="Thanks, all sorted.", status="closed")

    response = client.get(reverse("profiles:dashboard"))

    content = response.content.decode()
    assert "1 waiting for your first answer." in content
    for text in ("Evenings suit me best.", "Could we meet online?", "Thanks, all sorted.", "Closed requests (1)"):
        assert text in content
    assert [r.name for r in response.context["open_requests"]] == ["Ben", "Ana"]
    assert [r.name for r in response.context["closed_requests"]] == ["Cy"]


def test_each_conversation_says_whether_it_waits_for_the_therapist(client: Browser, robin) -> None:
    waiting = make_consultation_request(robin, name="Ana")
    ConsultationRequest.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - timedelta(days=2, hours=1))
    answered = make_consultation_request(robin, name="Ben", status="replied", first_reply_at=timezone.now())
    answered.messages.create(sender="therapist", body="Happy to talk.")
    again = make_consultation_request(robin, name="Cy", status="replied", first_reply_at=timezone.now())
    again.messages.create(sender="therapist", body="Tuesday?")
    again.messages.create(sender="client", body="Tuesday is good.")

    html = client.get(reverse("profiles:dashboard")).content.decode()

    assert "waiting 2\xa0days for your answer" in html
    assert html.count(">New</span>") == 1
    assert html.count(">Answered</span>") == 1
    assert html.count(">They wrote again</span>") == 1
    assert reverse("profiles:conversation", args=[waiting.pk]) in html


def test_another_therapists_conversations_are_not_listed(client: Browser, robin) -> None:
    sam = make_therapist_user("sam")
    make_consultation_request(sam, message="For Sam only.")

    assert "For Sam only." not in client.get(reverse("profiles:dashboard")).content.decode()
