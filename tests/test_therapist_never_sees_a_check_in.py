"""A therapist never sees one client's check-in: not on their pages, not behind the client's link."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import CheckIn
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db


def test_the_therapists_own_pages_do_not_show_a_single_check_in(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Exact")
    owner, token = make_client()
    make_consultation_request(dana, client=owner)
    saved = make_check_in(dana, client=owner, bond=3, goals=4, tasks=2, again="no")
    client.force_login(dana.user)

    for url in (
        reverse("profiles:dashboard"),
        reverse("questionnaire:therapist", args=[dana.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for _name, question in CheckIn.QUESTIONS:
            assert question not in html, (url, question)
        assert reverse("questionnaire:check_in_result", args=[token, saved.pk]) not in html

    # Without the client's private link, the check-in page does not exist for anyone.
    guessed = reverse("questionnaire:check_in_result", args=["not-the-clients-token", saved.pk])
    assert client.get(guessed).status_code == 404
