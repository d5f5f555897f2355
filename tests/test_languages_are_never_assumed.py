"""A therapist who ticked no language is never said to speak English."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def test_it_says_nothing_about_languages_when_none_is_ticked(client: Browser) -> None:
    quiet = make_therapist(name="Dana Nolang", languages=())
    _owner, token = make_client()

    card = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    profile = client.get(reverse("questionnaire:therapist_for_client", args=[token, quiet.pk])).content.decode()

    assert "Dana Nolang" in card
    assert "Speaks" not in card
    assert "Speaks" not in profile


def test_it_names_the_languages_that_are_ticked(client: Browser) -> None:
    both = make_therapist(name="Blake Both", languages=("en", "es"))
    _owner, token = make_client()

    profile = client.get(reverse("questionnaire:therapist_for_client", args=[token, both.pk])).content.decode()

    assert "Speaks English, Spanish" in profile
