"""After "Delete everything", a client's check-in and the fit stored with their request leave the evidence."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker import evidence_page
from matchmaker.alliance.models import ConsultationRequest
from tests.factories import make_client, make_followed_up_request, make_therapist

pytestmark = pytest.mark.django_db


def test_it_leaves_the_evidence_page_and_the_csv_at_once(client: Browser) -> None:
    dana = make_therapist()
    make_followed_up_request(dana, fit=90.0)
    owner, token = make_client()
    make_followed_up_request(dana, fit=40.0, client=owner)
    assert evidence_page.build().n == 2

    client.post(reverse("questionnaire:delete_everything", args=[token]))

    assert evidence_page.build().n == 1
    assert [row.fit for row in evidence_page.rows()] == [90.0]
    assert "40.0" not in evidence_page.csv_text()
    assert not ConsultationRequest.objects.filter(fit_at_request=40.0).exists()
