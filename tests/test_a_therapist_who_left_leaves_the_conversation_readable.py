"""A therapist who leaves Matchmaker leaves each conversation readable for its client, under their name then."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from tests.factories import make_client, make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db


def test_the_client_reads_this_therapist_has_left_matchmaker(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes")
    owner, token = make_client()
    consultation = make_consultation_request(dana, client=owner, message="Evenings please.")
    consultation.messages.create(sender="therapist", body="Evenings are fine.")

    dana.delete()

    consultation.refresh_from_db()
    assert consultation.therapist_id is None and consultation.therapist_name == "Dana Reyes"
    page = client.get(reverse("questionnaire:request_sent", args=[token, consultation.pk])).content.decode()
    # The requests, each with where it stands, are in the full "your page" box on the shortlist page.
    your_page = client.get(reverse("questionnaire:shortlist", args=[token])).content.decode()
    assert "Dana Reyes has left Matchmaker." in page
    assert "Evenings please." in page and "Evenings are fine." in page and 'name="body"' not in page
    assert "(Dana Reyes has left Matchmaker)" in your_page
    refused = client.post(reverse("questionnaire:request_message", args=[token, consultation.pk]), {"body": "Hello?"})
    assert refused.status_code == 302 and consultation.messages.count() == 1
    assert ConsultationRequest.objects.count() == 1
