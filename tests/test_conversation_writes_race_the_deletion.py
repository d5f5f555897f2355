"""A message from either side racing the client's 'delete everything': never a 500, never a half-deleted side."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest, Message
from tests.factories import make_client, make_consultation_request, make_therapist_user
from tests.test_delete_everything_races_other_writes import race

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 10


def test_messages_racing_the_deletion_leave_only_the_therapists_words() -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite writes lock the whole database file, and its test database is not shared by threads")
    robin = make_therapist_user("robin")
    therapist_browser = Browser()
    therapist_browser.force_login(robin.user)
    session = therapist_browser.cookies

    for round_number in range(ROUNDS):
        owner, token = make_client()
        consultation = make_consultation_request(robin, client=owner, message="Before the race")
        if round_number % 2:
            other = (reverse("questionnaire:request_message", args=[token, consultation.pk]), {"body": "Client words"})
            cookies = {}
        else:
            other = (reverse("profiles:reply", args=[consultation.pk]), {"body": "Therapist words"})
            cookies = session

        statuses = race((reverse("questionnaire:delete_everything", args=[token]), {}), other, cookies=cookies)

        assert 500 not in statuses, (round_number, statuses)
        consultation.refresh_from_db()
        assert consultation.client_id is None and consultation.client_deleted_at is not None
        assert (consultation.name, consultation.message, consultation.status) == ("", "", "closed")
        assert not Message.objects.filter(request=consultation, sender="client").exists(), round_number
    assert ConsultationRequest.objects.filter(client__isnull=False).count() == 0
