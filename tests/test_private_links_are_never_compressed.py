"""A page that spells out a client's private link, or shows a therapist's or curator's own data, is never
compressed, whatever the browser accepts: compressed next to text an attacker can choose, a secret leaks
through the response's length (BREACH). The results page holds no private link (its links are relative),
so it alone of a client's pages with a link in them is compressed; no compressed body ever holds a token."""

from __future__ import annotations

import gzip
from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_check_in, make_client, make_consultation_request, make_staff, make_therapist_user
from tests.url_walk import args_for, private_names

pytestmark = pytest.mark.django_db

ASKS_FOR_EVERYTHING = {"Accept-Encoding": "gzip, deflate, br, zstd"}


@pytest.fixture
def world() -> dict[str, Any]:
    therapist = make_therapist_user("robin")
    owner, token = make_client()
    consultation = make_consultation_request(therapist, client=owner)
    check_in = make_check_in(therapist, client=owner)
    return {"therapist": therapist, "token": token, "consultation": consultation, "check_in": check_in}


def assert_plain(response: Any, token: str | None = None) -> None:
    assert "Content-Encoding" not in response
    if token is not None:
        assert token.encode() in response.content  # plain text: the link is there to read, not compressed


def assert_compressed_without(response: Any, token: str) -> bytes:
    assert response["Content-Encoding"] == "gzip"
    body = gzip.decompress(response.content)
    assert token.encode() not in body
    return body


def test_it_compresses_the_results_page_which_holds_no_private_link(world: dict[str, Any]) -> None:
    response = Browser().get(reverse("questionnaire:results", args=[world["token"]]), headers=ASKS_FOR_EVERYTHING)

    assert response.status_code == 200
    body = assert_compressed_without(response, world["token"])
    assert b'href="shortlist/"' in body  # its links are relative to itself
    assert b"Your matches" in body


def test_it_sends_the_results_page_plain_when_it_must_show_the_refine_form(world: dict[str, Any]) -> None:
    owner = world["consultation"].client
    owner.max_fee = 1  # nobody is left, so the whole refine form (its action under the link) is on the page
    owner.save()

    response = Browser().get(reverse("questionnaire:results", args=[world["token"]]), headers=ASKS_FOR_EVERYTHING)

    assert b"No therapist fits all of your needs yet" in response.content
    assert_plain(response, world["token"])


def test_it_sends_the_conversation_page_plain(world: dict[str, Any]) -> None:
    url = reverse("questionnaire:request_sent", args=[world["token"], world["consultation"].pk])

    response = Browser().get(url, headers=ASKS_FOR_EVERYTHING)

    assert response.status_code == 200
    assert_plain(response, world["token"])


def test_it_sends_a_refused_message_form_plain(world: dict[str, Any]) -> None:
    url = reverse("questionnaire:request_message", args=[world["token"], world["consultation"].pk])

    response = Browser().post(url, {"body": ""}, headers=ASKS_FOR_EVERYTHING)

    assert response.status_code == 400  # the page again, with the form's error next to the field
    assert_plain(response, world["token"])


@pytest.mark.parametrize("name", private_names())
def test_no_private_page_compresses_a_private_link(world: dict[str, Any], name: str) -> None:
    browser = Browser()
    browser.force_login(world["therapist"].user)
    url = reverse(name, args=args_for(name, world))

    for response in (browser.get(url, headers=ASKS_FOR_EVERYTHING), browser.post(url, {}, headers=ASKS_FOR_EVERYTHING)):
        assert response.status_code < 500
        if response.get("Content-Encoding"):
            assert_compressed_without(response, world["token"])
        if not url.startswith("/c/"):
            assert_plain(response)  # therapists' pages and accounts: never compressed


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/password_reset/", "/admin/"])
def test_it_sends_accounts_the_admin_and_unknown_links_plain(url: str) -> None:
    browser = Browser()
    browser.force_login(make_staff())

    response = browser.get(url, headers=ASKS_FOR_EVERYTHING)

    assert response.status_code in {200, 302, 404}
    assert_plain(response)
