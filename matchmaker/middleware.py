"""Response headers for pages that show one person's data."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
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
