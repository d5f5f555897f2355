"""Every page under a client's link, every therapist page, the accounts and the admin are kept out of
browser caches and search indexes, whatever the answer: a page, a redirect, a 403 or a 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_check_in, make_client, make_consultation_request, make_staff, make_therapist_user
from tests.url_walk import args_for, parameters, private_names

pytestmark = pytest.mark.django_db

UNKNOWN = 987654


def assert_private(response: Any) -> None:
    directives = {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, response.headers.get("Cache-Control")
    assert response.headers.get("X-Robots-Tag") == "noindex"


@pytest.fixture
def world() -> dict[str, Any]:
    therapist = make_therapist_user("robin")
    owner, token = make_client()
    consultation = make_consultation_request(therapist, client=owner)
    check_in = make_check_in(therapist, client=owner)
    return {"therapist": therapist, "token": token, "consultation": consultation, "check_in": check_in}


def test_the_walk_finds_the_pages_it_should() -> None:
    names = private_names()
    assert "questionnaire:results" in names and "questionnaire:deleted" in names
    assert "profiles:dashboard" in names and "profiles:edit_step" in names
    assert "questionnaire:therapist" not in names  # a public profile


@pytest.mark.parametrize("name", private_names())
def test_it_marks_every_private_page_for_its_owner(world: dict[str, Any], name: str) -> None:
    browser = Browser()
    browser.force_login(world["therapist"].user)
    url = reverse(name, args=args_for(name, world))

    for response in (browser.get(url), browser.post(url, {})):
        assert response.status_code < 500
        assert_private(response)


@pytest.mark.parametrize("name", private_names())
def test_it_marks_them_for_strangers_too(world: dict[str, Any], name: str) -> None:
    browser = Browser()
    browser.force_login(make_therapist_user("sam").user)
    args = [UNKNOWN if isinstance(arg, int) else arg for arg in args_for(name, world)]
    if "token" in parameters(name):
        args[0] = "x" * 32  # a link nobody was given

    response = browser.get(reverse(name, args=args))

    # 400: a spoiled sign-up confirmation link gets a page saying so.
    assert response.status_code in {200, 302, 400, 403, 404, 405}
    assert_private(response)


@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/accounts/password_reset/", "/admin/", "/admin/login/", "/c/", "/therapist/nothing/"]
)
def test_it_marks_accounts_admin_and_unknown_private_paths(client: Browser, url: str) -> None:
    response = client.get(url)

    assert response.status_code in {200, 302, 404}
    assert_private(response)


def test_it_marks_an_admin_change_form_for_staff(client: Browser, world: dict[str, Any]) -> None:
    client.force_login(make_staff())

    response = client.get(reverse("admin:profiles_therapist_change", args=[world["therapist"].pk]))

    assert response.status_code == 200
    assert_private(response)


@pytest.mark.parametrize("url", ["/", "/how-matching-works/"])
def test_it_leaves_public_pages_cacheable(client: Browser, url: str) -> None:
    response = client.get(url)

    assert "no-store" not in response.headers.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response.headers


def test_it_marks_a_refused_form_under_a_private_link(world: dict[str, Any]) -> None:
    browser = Browser(enforce_csrf_checks=True)

    response = browser.post(reverse("questionnaire:delete_everything", args=[world["token"]]), {})

    assert response.status_code == 403  # no CSRF token
    assert_private(response)
