"""The trimmed Bootstrap stylesheet keeps every Bootstrap class that any page actually renders
(crispy-forms' classes, form errors and messages included) or that our scripts add, and is the one
every page links."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import brotli
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.bootstrap_css import FULL_CSS, TRIMMED_PATH, defined_classes
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist_user
from tests.url_walk import args_for, private_names

pytestmark = pytest.mark.django_db

CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="/static/(vendor/bootstrap/css/[^"]+)">')


@cache
def full_classes() -> frozenset[str]:
    return frozenset(defined_classes(FULL_CSS.read_text()))


def trimmed_css() -> str:
    found = finders.find(TRIMMED_PATH)
    assert found, TRIMMED_PATH
    return Path(str(found)).read_text()


def bootstrap_classes_on(html: str) -> set[str]:
    names = {name for value in CLASS_ATTRIBUTE.findall(html) for name in value.split()}
    return names & full_classes()


@pytest.fixture
def world() -> dict[str, Any]:
    therapist = make_therapist_user("robin")
    owner, token = make_client()
    consultation = make_consultation_request(therapist, client=owner)
    check_in = make_check_in(therapist, client=owner)
    return {"therapist": therapist, "token": token, "consultation": consultation, "check_in": check_in}


def test_it_keeps_every_bootstrap_class_on_every_page(world: dict[str, Any]) -> None:
    browser = Browser()
    browser.force_login(world["therapist"].user)
    pages: list[str] = []
    public = [
        "/",
        "/how-matching-works/",
        "/privacy/",
        reverse("questionnaire:therapist", args=[world["therapist"].pk]),
    ]
    for url in public + ["/nowhere/"]:
        pages.append(browser.get(url).content.decode())
    for name in private_names():
        url = reverse(name, args=args_for(name, world))
        pages.append(browser.get(url).content.decode())
        # An empty form: every error state crispy-forms renders, and the messages after a redirect.
        pages.append(browser.post(url, {}, follow=True).content.decode())
    anonymous = Browser()
    for url in ("/accounts/login/", "/accounts/password_reset/", "/therapist/sign-up/"):
        pages.append(anonymous.get(url).content.decode())
        pages.append(anonymous.post(url, {}).content.decode())

    used = set().union(*(bootstrap_classes_on(html) for html in pages))
    kept = defined_classes(trimmed_css())

    assert {"btn", "form-control", "is-invalid", "invalid-feedback", "alert"} <= used  # the walk saw real pages
    assert used - kept == set()


def test_it_keeps_the_bootstrap_classes_our_scripts_add() -> None:
    scripts = " ".join(path.read_text() for path in (Path(settings.BASE_DIR) / "static/js").glob("*.js"))
    named = set(re.findall(r"""["']([a-z][\w-]*)["']""", scripts)) & full_classes()

    assert named - defined_classes(trimmed_css()) == set()


def test_it_is_the_stylesheet_every_page_links_and_far_smaller(client: Browser) -> None:
    for url in ("/", "/how-matching-works/", "/accounts/login/", "/nowhere/"):
        assert STYLESHEET.findall(client.get(url).content.decode()) == [TRIMMED_PATH], url

    full = brotli.compress(FULL_CSS.read_bytes(), quality=11)
    trimmed = brotli.compress(trimmed_css().encode(), quality=11)
    assert len(trimmed) < len(full) / 2
    assert "sourceMappingURL" not in trimmed_css()  # the map is the full file's
