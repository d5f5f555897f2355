"""Public pages go out gzipped to a browser that accepts it, and say that the answer depends on it."""

from __future__ import annotations

import gzip

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def public_urls() -> list[str]:
    therapist = make_therapist(name="Avery Quinn")
    return ["/", "/how-matching-works/", "/privacy/", reverse("questionnaire:therapist", args=[therapist.pk])]


def test_it_gzips_public_pages_when_asked() -> None:
    browser = Browser()
    for url in public_urls():
        plain = browser.get(url)
        packed = browser.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})

        assert packed.status_code == 200, url
        assert packed["Content-Encoding"] == "gzip", url
        assert len(packed.content) < len(plain.content) / 2, url
        unpacked = gzip.decompress(packed.content)
        assert b"<title>" in unpacked and unpacked.count(b"<main") == 1, url
        assert packed["Vary"].replace(" ", "").split(",").count("Accept-Encoding") == 1, url


def test_it_sends_plain_html_to_a_browser_that_does_not_ask() -> None:
    browser = Browser()
    for url in public_urls():
        response = browser.get(url, headers={"Accept-Encoding": "identity"})

        assert "Content-Encoding" not in response, url
        assert response.content.lstrip().startswith(b"<!doctype html>"), url
        # A shared cache must not hand this plain copy to a browser that asked for gzip, or the reverse.
        assert "Accept-Encoding" in response["Vary"], url
