"""/robots.txt lets crawlers read the public pages and asks them to keep out of every private one."""

from __future__ import annotations

import pytest
from django.test import Client as Browser

pytestmark = pytest.mark.django_db


def test_it_disallows_private_paths_and_allows_public_ones(client: Browser) -> None:
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow: ")}
    assert disallowed == {"/c/", "/start/", "/deleted/", "/therapist/", "/accounts/", "/admin/"}
    assert "Disallow: /" not in lines  # the home page, how matching works and public profiles stay open
