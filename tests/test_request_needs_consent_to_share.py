"""A consultation request shares nothing with a therapist until the client ticks a separate consent."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest
from tests.factories import make_client, make_therapist_user

pytestmark = pytest.mark.django_db

FILLED = {"name": "Sam", "contact": "sam@example.org", "message": "Evenings suit me best."}


def test_it_shows_an_unticked_box_saying_what_is_shared_with_that_therapist(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    _owner, token = make_client()

    html = client.get(reverse("questionnaire:therapist_for_client", args=[token, dana.pk])).content.decode()

    assert 'type="checkbox" name="share"' in html
    assert 'name="share" class="form-check-input" id="id_share" required checked' not in html
    assert (
        "I agree to share with Dana Exact the name, the contact details (if I gave any) and the message I wrote above"
        in html
    )
    assert "not your other answers, not your matches and not your private link" in html


def test_it_refuses_the_request_without_the_tick_and_says_so_next_to_the_box(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    _owner, token = make_client()

    response = client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), FILLED)

    assert response.status_code == 400
    assert ConsultationRequest.objects.count() == 0 and mail.outbox == []
    html = response.content.decode()
    assert 'id="error_1_id_share"' in html
    assert "Please tick this box to send the request: nothing is shared without it." in html


def test_it_stores_when_the_client_agreed(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    _owner, token = make_client()
    before = timezone.now()

    client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), {**FILLED, "share": "on"})

    sent = ConsultationRequest.objects.get()
    assert sent.shared_consent_at is not None and before <= sent.shared_consent_at <= timezone.now()
