"""Every page names an icon of our own, and /favicon.ico, which browsers ask for anyway, leads to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client as Browser

pytestmark = pytest.mark.django_db

ICON_LINK = re.compile(r'<link rel="icon" href="(/static/favicon[^"]*\.svg)" type="image/svg\+xml">')


def served(client: Browser, url: str) -> bytes:
    """The static file behind a URL, found as collectstatic would find it."""
    found = finders.find(url.removeprefix("/static/"))
    assert found, url
    return Path(str(found)).read_bytes()


@pytest.mark.parametrize("url", ["/", "/how-matching-works/", "/start/", "/accounts/login/", "/nowhere/"])
def test_every_page_links_to_the_icon(client: Browser, url: str) -> None:
    html = client.get(url).content.decode()

    match = ICON_LINK.search(html)
    assert match, url
    assert b"<svg" in served(client, match.group(1))


def test_favicon_ico_leads_to_the_same_icon(client: Browser) -> None:
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert re.fullmatch(r"/static/favicon[^/]*\.svg", response["Location"])
    assert b"<svg" in served(client, response["Location"])
