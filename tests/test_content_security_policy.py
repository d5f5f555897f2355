"""Every page sends a strict Content-Security-Policy, and no template of ours needs an exception to it:
no inline style, no inline script, no event-handler attribute."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client as Browser

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
APP_CODE = [path for app in ("matchmaker", "profiles", "questionnaire") for path in sorted((ROOT / app).rglob("*.py"))]

EXPECTED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

INLINE = [
    re.compile(r"\sstyle\s*=", re.IGNORECASE),
    re.compile(r"<style", re.IGNORECASE),
    re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE),
    re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
]


def policy(header: str) -> dict[str, str]:
    directives = [part.strip().split(None, 1) for part in header.split(";") if part.strip()]
    return {directive[0]: directive[1] if len(directive) == 2 else "" for directive in directives}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/how-matching-works/", "/start/", "/accounts/login/", "/nowhere/"])
def test_it_sends_the_policy_on_every_page(client: Browser, url: str) -> None:
    response = client.get(url)

    assert policy(response.headers["Content-Security-Policy"]) == EXPECTED


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_inline_style_or_script(path: Path) -> None:
    text = path.read_text()

    for pattern in INLINE:
        assert not pattern.search(text), f"{path.name}: {pattern.search(text)}"


@pytest.mark.parametrize("path", APP_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_html_built_in_python_has_an_inline_style(path: Path) -> None:
    # format_html() in the admin and elsewhere: the policy would block these as surely as in a template.
    assert not re.search(r"""\sstyle=\\?["']""", path.read_text()), path.name
