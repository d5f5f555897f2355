"""A form body labelled with another charset than UTF-8 gets our plain 400 page, never a 500, on every
form; 'utf8', another name of UTF-8, is simply read as UTF-8."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import PASSWORD, make_check_in, make_client, make_consultation_request, make_therapist_user
from tests.url_walk import args_for, private_names

pytestmark = pytest.mark.django_db

OTHER_CHARSETS = ["latin-1", "iso-8859-1", "utf-16", "ascii", "windows-1252"]
UTF8_NAMES = ["utf8", "UTF-8", "utf_8"]
PUBLIC_FORMS = ["login", "password_reset", "logout", "admin:login"]
BAD_REQUEST_WORDS = "Something in that request was not right"


@pytest.fixture
def form_urls() -> list[str]:
    therapist = make_therapist_user("robin")
    owner, token = make_client()
    world = {
        "therapist": therapist,
        "token": token,
        "consultation": make_consultation_request(therapist, client=owner),
        "check_in": make_check_in(therapist, client=owner),
    }
    return [reverse(name, args=args_for(name, world)) for name in private_names()] + [
        reverse(name) for name in PUBLIC_FORMS
    ]


def signed_in_browser() -> tuple[Browser, str]:
    """A therapist's browser that checks CSRF tokens as production does, and the token to post."""
    browser = Browser(enforce_csrf_checks=True, raise_request_exception=False)
    browser.force_login(User.objects.get(username="robin"))
    browser.get(reverse("login"))
    return browser, browser.cookies["csrftoken"].value


def post(browser: Browser, url: str, csrf: str, charset: str) -> Any:
    body = f"csrfmiddlewaretoken={csrf}&username=robin&email=r%E9my%40example.com&name=R%C3%A9my"
    return browser.post(url, data=body, content_type=f"application/x-www-form-urlencoded; charset={charset}")


@pytest.mark.parametrize("charset", OTHER_CHARSETS)
def test_it_answers_a_body_in_another_charset_with_a_plain_400_page(form_urls: list[str], charset: str) -> None:
    browser, csrf = signed_in_browser()

    for url in form_urls:
        response = post(browser, url, csrf, charset)

        assert response.status_code == 400, url
        assert BAD_REQUEST_WORDS in response.content.decode(), url
        assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize("charset", UTF8_NAMES)
def test_it_reads_another_name_of_utf8_as_utf8(form_urls: list[str], charset: str) -> None:
    browser, csrf = signed_in_browser()

    for url in form_urls:
        if url == reverse("logout"):
            continue  # it would sign the browser out for the rest of the walk
        response = post(browser, url, csrf, charset)

        # The view itself answers: a page, a redirect, or its own form errors.
        assert response.status_code < 500, url
        assert BAD_REQUEST_WORDS not in response.content.decode(), url


def test_a_login_labelled_utf8_is_read_as_the_same_form(client: Browser) -> None:
    make_therapist_user("robin")

    response = client.post(
        reverse("login"),
        data=f"username=robin&password={PASSWORD.replace(' ', '+')}",
        content_type="application/x-www-form-urlencoded; charset=utf8",
    )

    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == reverse("profiles:dashboard")
