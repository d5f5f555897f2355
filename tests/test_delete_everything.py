"""A client deletes everything behind their link, after a confirmation; the link then leads nowhere."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import CheckIn, ConsultationRequest
from profiles.models import Therapist
from questionnaire.models import Client, SetAside, ShortlistEntry
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist

pytestmark = pytest.mark.django_db

EVERYTHING = (Client, ShortlistEntry, SetAside, ConsultationRequest, CheckIn)


def with_everything(therapists: list[Therapist]) -> tuple[Client, str]:
    owner, token = make_client(directness_point=3, directness_importance=2)
    first, second = therapists
    owner.shortlist.create(therapist=first)
    owner.set_aside.create(therapist=second)
    make_consultation_request(first, client=owner)
    make_check_in(first, client=owner)
    return owner, token


def test_it_asks_first_and_says_what_will_go(client: Browser) -> None:
    therapists = [make_therapist(name="Dana"), make_therapist(name="Blake")]
    _, token = with_everything(therapists)
    before = {model: model.objects.count() for model in EVERYTHING}

    response = client.get(reverse("questionnaire:delete_everything", args=[token]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Delete everything?" in html
    assert "your shortlist (1 therapist) and the 1 therapist you set aside" in html
    assert {model: model.objects.count() for model in EVERYTHING} == before


def test_it_deletes_every_row_of_this_client_and_nobody_elses(client: Browser) -> None:
    therapists = [make_therapist(name="Dana"), make_therapist(name="Blake")]
    owner, token = with_everything(therapists)
    other, other_token = with_everything(therapists)

    response = client.post(reverse("questionnaire:delete_everything", args=[token]), follow=True)

    assert response.redirect_chain == [(reverse("questionnaire:deleted"), 302)]
    assert "Everything is deleted" in response.content.decode()
    assert token not in response.content.decode()
    assert not Client.objects.filter(pk=owner.pk).exists()
    for model in EVERYTHING[1:]:
        assert not model.objects.filter(client_id=owner.pk).exists(), model
        assert model.objects.filter(client=other).count() == 1, model
    assert Therapist.objects.count() == 2
    assert client.get(reverse("questionnaire:results", args=[other_token])).status_code == 200


def test_the_old_link_is_not_found_afterwards(client: Browser) -> None:
    dana = make_therapist()
    _, token = with_everything([dana, make_therapist()])
    client.post(reverse("questionnaire:delete_everything", args=[token]))

    for url in (
        reverse("questionnaire:results", args=[token]),
        reverse("questionnaire:shortlist", args=[token]),
        reverse("questionnaire:therapist_for_client", args=[token, dana.pk]),
        reverse("questionnaire:delete_everything", args=[token]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("questionnaire:delete_everything", args=[token])).status_code == 404


def test_a_wrong_link_deletes_nothing(client: Browser) -> None:
    _, token = with_everything([make_therapist(), make_therapist()])

    assert client.post(reverse("questionnaire:delete_everything", args=[token[:-1]])).status_code == 404
    assert Client.objects.count() == 1
