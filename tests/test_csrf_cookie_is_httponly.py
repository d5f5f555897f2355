"""The CSRF cookie is out of scripts' reach: every form carries its token in the page, so no script needs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client as Browser
from django.urls import reverse

STATIC = Path(__file__).resolve().parent.parent / "static"


@pytest.mark.django_db
def test_the_csrf_cookie_is_httponly(client: Browser) -> None:
    client.get(reverse("login"))

    assert client.cookies["csrftoken"]["httponly"] is True


def test_no_script_of_ours_reads_cookies() -> None:
    for script in STATIC.rglob("*.js"):
        assert "document.cookie" not in script.read_text(), script.name
