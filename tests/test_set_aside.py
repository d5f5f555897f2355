"""A client sets a therapist aside: they leave the matches and the shortlist until the client brings them back."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from questionnaire.models import SetAside
from tests.factories import make_client, make_consultation_request, make_therapist

pytestmark = pytest.mark.django_db


def card_ids(html: str) -> set[int]:
    return {int(chunk.split('"', 1)[0]) for chunk in html.split('id="therapist-')[1:]}


def test_setting_aside_removes_a_therapist_from_results_and_the_shortlist(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    blake = make_therapist(name="Blake Near")
    owner, token = make_client()
    owner.shortlist.create(therapist=dana)
    results = reverse("questionnaire:results", args=[token])
    assert card_ids(client.get(results).content.decode()) == {dana.pk, blake.pk}

    response = client.post(reverse("questionnaire:set_aside", args=[token, dana.pk]), {"next": results}, follow=True)

    assert response.redirect_chain[-1] == (results, 302)
    html = response.content.decode()
    assert card_ids(html) == {blake.pk}
    assert "Dana Exact is set aside" in html
    assert owner.shortlist.count() == 0
    assert list(owner.set_aside.values_list("therapist", flat=True)) == [dana.pk]
    assert "Set aside (1)" in html
    # Bringing back is on the shortlist page, where the full "your page" box lives.
    shortlist = client.get(reverse("questionnaire:shortlist", args=[token])).content.decode()
    assert reverse("questionnaire:bring_back", args=[token, dana.pk]) in shortlist


def test_bringing_back_returns_the_therapist_to_the_results(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    owner, token = make_client()
    owner.set_aside.create(therapist=dana)
    results = reverse("questionnaire:results", args=[token])
    assert card_ids(client.get(results).content.decode()) == set()

    response = client.post(reverse("questionnaire:bring_back", args=[token, dana.pk]), follow=True)

    assert card_ids(response.content.decode()) == {dana.pk}
    assert owner.set_aside.count() == 0


def test_setting_aside_twice_keeps_one_row(client: Browser) -> None:
    dana = make_therapist()
    owner, token = make_client()
    url = reverse("questionnaire:set_aside", args=[token, dana.pk])

    client.post(url)
    client.post(url)

    assert owner.set_aside.count() == 1


def test_a_therapist_the_client_wrote_to_can_be_set_aside_after_leaving_the_directory(client: Browser) -> None:
    dana = make_therapist()
    owner, token = make_client()
    make_consultation_request(dana, client=owner)
    Therapist.objects.filter(pk=dana.pk).update(status=Therapist.Status.DRAFT)

    assert client.post(reverse("questionnaire:set_aside", args=[token, dana.pk])).status_code == 302
    assert owner.set_aside.count() == 1


def test_tampered_ids_are_not_found_and_change_nothing(client: Browser) -> None:
    hidden = make_therapist(status=Therapist.Status.PENDING)
    dana = make_therapist()
    owner, token = make_client()

    assert client.post(reverse("questionnaire:set_aside", args=[token, hidden.pk])).status_code == 404
    assert client.post(reverse("questionnaire:set_aside", args=[token, dana.pk + 100])).status_code == 404
    assert client.post(reverse("questionnaire:bring_back", args=[token, dana.pk])).status_code == 404
    assert client.get(reverse("questionnaire:set_aside", args=[token, dana.pk])).status_code == 405
    assert SetAside.objects.count() == 0


def test_the_profile_of_a_set_aside_therapist_offers_to_bring_them_back(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    owner, token = make_client()
    owner.set_aside.create(therapist=dana)

    html = client.get(reverse("questionnaire:therapist_for_client", args=[token, dana.pk])).content.decode()

    assert "You set Dana Exact aside" in html
    assert reverse("questionnaire:bring_back", args=[token, dana.pk]) in html
    assert reverse("questionnaire:shortlist_add", args=[token, dana.pk]) not in html
