"""A therapist reads their own consultation requests and marks them replied or closed; nobody else's."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from tests.factories import make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def robin(client: Browser):
    therapist = make_therapist_user("robin")
    client.force_login(therapist.user)
    return therapist


def status_url(consultation: ConsultationRequest) -> str:
    return reverse("profiles:request_status", args=[consultation.pk])


def field(consultation: ConsultationRequest) -> str:
    return f"request-{consultation.pk}-status"


def test_the_dashboard_lists_new_and_replied_requests_and_folds_away_closed_ones(client: Browser, robin) -> None:
    make_consultation_request(robin, name="Ana", message="Evenings suit me best.")
    make_consultation_request(robin, name="Ben", message="Could we meet online?", status="replied")
    make_consultation_request(robin, name="Cy", message="Thanks, all sorted.", status="closed")

    response = client.get(reverse("profiles:dashboard"))

    content = response.content.decode()
    assert "1 new." in content
    for text in ("Evenings suit me best.", "Could we meet online?", "Thanks, all sorted.", "Closed requests (1)"):
        assert text in content
    assert [r.name for r, _ in response.context["open_requests"]] == ["Ben", "Ana"]
    assert [r.name for r, _ in response.context["closed_requests"]] == ["Cy"]


def test_the_owner_changes_a_requests_status(client: Browser, robin) -> None:
    consultation = make_consultation_request(robin)

    response = client.post(status_url(consultation), {field(consultation): "replied"})

    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == ConsultationRequest.Status.REPLIED


def test_another_therapists_request_is_not_found_and_unchanged(client: Browser, robin) -> None:
    sam = make_therapist_user("sam")
    theirs = make_consultation_request(sam, message="For Sam only.")

    response = client.post(status_url(theirs), {field(theirs): "closed"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ConsultationRequest.Status.NEW
    assert "For Sam only." not in client.get(reverse("profiles:dashboard")).content.decode()


@pytest.mark.parametrize("status", ["archived", "", "NEW"])
def test_an_unknown_status_is_refused_with_a_message(client: Browser, robin, status: str) -> None:
    consultation = make_consultation_request(robin, status="replied")

    response = client.post(status_url(consultation), {field(consultation): status})

    assert response.status_code == 400
    assert (
        b"Please choose new, replied or closed." in response.content or b"This field is required." in response.content
    )
    consultation.refresh_from_db()
    assert consultation.status == ConsultationRequest.Status.REPLIED
