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
PRIVATE_PREFIXES = ("/c/", "/start/", "/deleted/", "/therapist/", "/accounts/", "/admin/")


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

    Three independent signs, any one enough: the path is one of the private prefixes (a client's
    link, accounts, the admin); the route takes a `token` (a private link or a confirmation link,
    wherever it is mounted); or the view marked the response private or no-store.
    """
    if request.path_info.startswith(PRIVATE_PREFIXES):
        return True
    match = request.resolver_match
    if match is not None and "token" in match.kwargs:
        return True
    cache_control = response.get("Cache-Control", "").lower()
    return "private" in cache_control or "no-store" in cache_control


class PublicPagesGZipMiddleware(GZipMiddleware):
    """Gzip public HTML pages; never a page that may carry a private link or personal data.

    Compressing a secret next to text an attacker can choose lets them guess the secret byte by
    byte from the compressed length (BREACH). A client's private link is such a secret and it sits
    in every form action and link on their pages, so those pages go out uncompressed. Django's
    CSRF token is masked anew on every response, and the random padding of GZipMiddleware hides
    lengths a little more, so the public pages (which carry no other secret) are safe to compress.
    Files (static, downloads) stream and are left to whitenoise, which serves them precompressed.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        if carries_a_secret(request, response):
            return response  # the same bytes whatever the browser accepts: no Vary needed
        return super().process_response(request, response)  # type: ignore[no-any-return]
