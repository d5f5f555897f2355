"""Rate limits on the actions that can be abused from outside: one client address, one key each.

Counting is django-ratelimit's (fixed windows in the shared cache); this module only names
the limits, reads their rates from settings and answers a limited request with the 429 page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

View = Callable[..., HttpResponse]
Key = Callable[[str, HttpRequest], str]

PERIOD_WORDS = {1: "in a second", 60: "in a minute", 3600: "within an hour", 86400: "tomorrow"}


def forwarded_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT = n the n-th X-Forwarded-For entry from the right.

    Each proxy appends the address it was reached from, so the last n entries were written by our own
    proxies and anything to their left may have been typed by the client.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    count: int = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    entries = [entry.strip() for entry in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    entries = [entry for entry in entries if entry]
    return entries[-count] if len(entries) >= count else remote


def client_address(request: HttpRequest) -> str:
    """The address a request came from, exactly as django-axes sees it (it calls forwarded_address)."""
    return get_client_ip_address(request) or ""


def by_address(_group: str, request: HttpRequest) -> str:
    return client_address(request)


def rate(name: str) -> str:
    return str(getattr(settings, name))


def period_seconds(rate_text: str) -> int:
    """How long a window of a rate like "10/h" or "20/10m" lasts, in seconds."""
    _count, period = rate_text.split("/")
    unit = period[-1]
    multiple = int(period[:-1]) if period[:-1] else 1
    return multiple * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]


def when_to_try_again(seconds: int) -> str:
    if seconds in PERIOD_WORDS:
        return PERIOD_WORDS[seconds]
    if seconds < 3600:
        return f"within {seconds // 60} minutes"
    if seconds < 86400:
        return f"within {seconds // 3600} hours"
    return f"within {seconds // 86400} days"


def is_limited(request: HttpRequest, *, group: str, key: Key | str, setting: str) -> bool:
    """Count this request against the limit and say whether it went over."""
    return is_ratelimited(request, group=group, key=key, rate=rate(setting), increment=True)


def too_many(request: HttpRequest, *, setting: str) -> HttpResponse:
    seconds = period_seconds(rate(setting))
    response = render(request, "429.html", {"try_again": when_to_try_again(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def limit_posts(*, group: str, key: Key, setting: str) -> Callable[[View], View]:
    """Answer a POST over the limit with the 429 page; other methods pass freely."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and is_limited(request, group=group, key=key, setting=setting):
                return too_many(request, setting=setting)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
