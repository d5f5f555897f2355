"""A client's 'delete everything' removes their side of every conversation; the therapist keeps only their own words."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest, Message
from tests.factories import make_client, make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db


def test_the_therapist_sees_that_this_person_deleted_their_messages(client: Browser) -> None:
    robin = make_therapist_user("robin", name="Robin Hale")
    owner, token = make_client(needs_sliding_scale=True, languages=["es"])
    consultation = make_consultation_request(
        robin, client=owner, name="Ana", contact="ana@example.org", message="My words", fit_at_request=80.0
    )
    ConsultationRequest.objects.filter(pk=consultation.pk).update(asked_sliding_scale=True, asked_language=True)
    consultation.messages.create(sender="therapist", body="Robin answered here")
    consultation.messages.create(sender="client", body="Ana wrote again")
    other_owner, _ = make_client()
    untouched = make_consultation_request(robin, client=other_owner, name="Ben", message="Ben's words")

    client.post(reverse("questionnaire:delete_everything", args=[token]))

    consultation.refresh_from_db()
    assert consultation.client_id is None and consultation.client_deleted_at is not None
    assert (consultation.name, consultation.contact, consultation.message) == ("", "", "")
    assert consultation.fit_at_request is None and consultation.gaps_at_request == {}
    assert not consultation.asked_sliding_scale and not consultation.asked_language
    assert consultation.status == "closed" and consultation.closed_by == "client"
    assert list(Message.objects.filter(request=consultation).values_list("body", flat=True)) == ["Robin answered here"]
    untouched.refresh_from_db()
    assert untouched.name == "Ben" and untouched.client_id == other_owner.pk

    client.force_login(robin.user)
    dashboard = client.get(reverse("profiles:dashboard")).content.decode()
    page = client.get(reverse("profiles:conversation", args=[consultation.pk])).content.decode()
    assert "This person deleted their messages" in dashboard and "Ana" not in dashboard
    assert "This person deleted their messages on" in page and "Robin answered here" in page
    assert "My words" not in page and "Ana wrote again" not in page and "ana@example.org" not in page
