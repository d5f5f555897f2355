"""Every page and button under a client's link answers a tampered or out-of-range therapist id with a 404."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import CheckIn, ConsultationRequest
from questionnaire.models import SetAside, ShortlistEntry
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db

BEYOND_ANY_DATABASE_INTEGER = 10**23

PAGES = ["therapist_for_client", "check_in", "request_sent", "check_in_result"]
BUTTONS = [
    "shortlist_add",
    "shortlist_remove",
    "set_aside",
    "bring_back",
    "request_consultation",
    "check_in",
    "request_message",
    "request_close",
]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("pk", [0, BEYOND_ANY_DATABASE_INTEGER])
def test_a_page_with_an_unknown_id_is_not_found(client: Browser, name: str, pk: int) -> None:
    make_therapist()
    _, token = make_client()

    assert client.get(reverse(f"questionnaire:{name}", args=[token, pk])).status_code == 404


@pytest.mark.parametrize("name", BUTTONS)
@pytest.mark.parametrize("pk", [0, BEYOND_ANY_DATABASE_INTEGER])
def test_a_button_with_an_unknown_id_is_not_found_and_saves_nothing(client: Browser, name: str, pk: int) -> None:
    make_therapist()
    _, token = make_client()

    response = client.post(
        reverse(f"questionnaire:{name}", args=[token, pk]), {"name": "Sam", "bond": "4", "body": "Hi"}
    )

    assert response.status_code == 404
    for model in (ShortlistEntry, SetAside, ConsultationRequest, CheckIn):
        assert model.objects.count() == 0
