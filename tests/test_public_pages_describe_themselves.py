"""Every public page has a description of its own for search results, in plain words."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_therapist

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)">')


def description(client: Browser, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    found = DESCRIPTION.findall(response.content.decode())
    assert len(found) == 1, url
    return html.unescape(found[0])


def test_each_public_page_says_what_it_is(client: Browser) -> None:
    therapist = make_therapist(name="Avery Quinn", credentials="LMFT", city="Oakland")

    home = description(client, "/")
    how = description(client, "/how-matching-works/")
    privacy = description(client, "/privacy/")
    profile = description(client, reverse("questionnaire:therapist", args=[therapist.pk]))

    assert home.startswith("Find a therapist whose way of working fits you.")
    assert "filters, never hidden weights" in how
    assert "delete all of it" in privacy
    assert profile == (
        "Avery Quinn, LMFT in Oakland: how they work with clients, what a session costs,"
        " and whether they are taking new clients."
    )
    assert len({home, how, privacy, profile}) == 4
    assert all(50 <= len(text) <= 200 for text in (home, how, privacy, profile))


def test_a_profile_without_credentials_or_city_reads_cleanly(client: Browser) -> None:
    therapist = make_therapist(name="Sam Okafor", credentials="", city="")

    profile = description(client, reverse("questionnaire:therapist", args=[therapist.pk]))

    assert profile.startswith("Sam Okafor: how they work with clients")
