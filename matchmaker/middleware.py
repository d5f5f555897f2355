"""Response headers for pages that show one person's data, and form bodies Django cannot read."""

from __future__ import annotations

import codecs
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

# A client's private pages (and the page after deleting them), the questionnaire's first step,
# therapists' own pages, accounts and the admin. Any response from these paths, errors and
# redirects included, is kept out of every cache and every search index.
CLIENT_LINK_PREFIX = "/c/"
PRIVATE_PREFIXES = (CLIENT_LINK_PREFIX, "/start/", "/deleted/", "/therapist/", "/accounts/", "/admin/")


class PrivatePagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(PRIVATE_PREFIXES):
            patch_cache_control(response, no_store=True, private=True)
            response.headers["X-Robots-Tag"] = "noindex"
        return response


class FormEncodingMiddleware:
    """Answer a form body in another encoding than UTF-8 with a plain 400 page.

    Django reads form bodies only as UTF-8 and raises BadRequest for any other charset, each time
    request.POST is read. Its 400 and 500 handlers check the CSRF token, which reads request.POST
    again, so the 400 turned into a bare 500. This middleware runs before anything reads the body:
    another name of UTF-8 ("utf8", "UTF_8") is simply read as UTF-8; anything else gets our 400
    page, rendered without the request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.content_type == "application/x-www-form-urlencoded" and request.encoding:
            if codecs.lookup(request.encoding).name != "utf-8":
                return HttpResponseBadRequest(render_to_string("400.html"))
            request.encoding = "utf-8"
        return self.get_response(request)


def carries_a_secret(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether a response may hold a secret that compression could leak (BREACH).

    Under a client's private link (/c/<token>/...) the secret is the token, and a page holds it or
    not: their results page writes its links relative to itself (questionnaire.private_links) and so
    holds none. Anywhere else, any one sign is enough: a private prefix (accounts, therapists' pages,
    the admin), a route that takes a token (a confirmation link), a response marked private or no-store.
    """
    match = request.resolver_match
    token = match.kwargs.get("token") if match is not None else None
    if request.path_info.startswith(CLIENT_LINK_PREFIX) and isinstance(token, str) and token:
        return token.encode() in response.content
    if request.path_info.startswith(PRIVATE_PREFIXES) or token is not None:
        return True
    cache_control = response.get("Cache-Control", "").lower()
    return "private" in cache_control or "no-store" in cache_control


class PublicPagesGZipMiddleware(GZipMiddleware):
    """Gzip HTML pages that hold no secret: never a page that spells out a private link.

    Compressing a secret next to text an attacker can choose lets them guess the secret byte by
    byte from the compressed length (BREACH). A client's private link is such a secret: a page that
    holds it in a form action or link goes out uncompressed. The results page holds it nowhere (its
    links are relative), so it is compressed: what it shows (the client's matches) is private but is
    not a secret an attacker could guess by reflecting text, for no text of theirs is on it. Django's
    CSRF token is masked anew on every response, and GZipMiddleware's random padding hides lengths a
    little more. Files (static, downloads) stream and are left to whitenoise, which serves them
    precompressed.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        if carries_a_secret(request, response):
            return response  # the same bytes whatever the browser accepts: no Vary needed
        return super().process_response(request, response)  # type: ignore[no-any-return]
