"""A consultation request keeps the fit score and the distance on each weighted scale at the moment it was sent."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db

VALID = {"name": "Sam", "contact": "sam@example.com", "message": "Hello, could we talk?", "share": "on"}


def test_it_stores_the_fit_and_the_gaps_of_the_weighted_scales(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", directness=7, structure=2, intensity=1)
    # Directness 4 against 7 (importance 2), structure 2 against 2 (importance 1); intensity is not weighted.
    _, token = make_client(
        directness_point=4,
        directness_importance=2,
        structure_point=2,
        structure_importance=1,
        intensity_point=7,
        intensity_importance=0,
    )

    client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), VALID)

    sent = ConsultationRequest.objects.get()
    # 100 × (1 − (2·3 + 1·0) / (6 · 3)) = 66.67
    assert sent.fit_at_request == pytest.approx(200 / 3)
    assert sent.gaps_at_request == {"directness": 3, "structure": 0}


def test_with_nothing_weighted_the_fit_is_100_and_there_are_no_gaps(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    _, token = make_client()

    client.post(reverse("questionnaire:request_consultation", args=[token, dana.pk]), VALID)

    sent = ConsultationRequest.objects.get()
    assert (sent.fit_at_request, sent.gaps_at_request) == (100.0, {})
