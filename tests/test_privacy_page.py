"""A plain privacy page says what is kept, why, for how long and who sees it, and every page links to it."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_it_says_what_is_kept_why_for_how_long_and_who_sees_it(client: Browser) -> None:
    response = client.get("/privacy/")

    assert response.status_code == 200
    text = text_of(response.content.decode())
    for kept in (
        "the state you live in",
        "what brings you to therapy",
        "the therapists on your shortlist and the ones you set aside",
        "the name, the contact details (if you gave any) and every message you wrote",
        "They see these only as totals over five or more requests",
        "your answers about how a first session felt",
        "the last day you opened your private link",
    ):
        assert kept in text, kept
    assert "unopened and unchanged for 12 months (365 days)" in text
    assert "A therapist sees only what you send them in a consultation request and the messages you write" in text
    assert "The therapists you wrote to keep only their own messages, and see that you deleted yours." in text
    assert "only once 5 or more different clients have checked in" in text
    assert "no trackers, no analytics" in text
    assert "Download everything we hold about you" in text
    assert "Delete everything" in text


def test_it_is_linked_from_the_footer_of_every_page(client: Browser) -> None:
    _, token = make_client()
    for url in ("/", "/how-matching-works/", "/start/", f"/c/{token}/", "/accounts/login/"):
        html = client.get(url).content.decode()
        assert '<a href="/privacy/">Your privacy</a>' in html, url


def test_it_is_linked_from_the_consent_on_the_first_step(client: Browser) -> None:
    html = client.get(reverse("questionnaire:start")).content.decode()

    assert '<a href="/privacy/">What we keep, why, and for how long</a>' in html
