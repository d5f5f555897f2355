"""Links between a client's private pages that do not spell out their private link.

The results page (/c/<token>/) writes its links relative to itself ("shortlist/", "therapists/12/"),
so its HTML holds no token: the page can be compressed without a BREACH hole (see
matchmaker.middleware) and parts of it can be kept and shared between clients (questionnaire.cards).
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import reverse

_PLACEHOLDER = "token"


@lru_cache(maxsize=100_000)  # the same for every client: reversing 80 links a page is worth keeping
def below_results(name: str, *args: object) -> str:
    """A page under a client's private link, as a link relative to their results page.

    Whatever follows the token in the path is the same for every client, so it is worked out
    with a stand-in token.
    """
    results = reverse("questionnaire:results", args=[_PLACEHOLDER])
    url = reverse(name, args=[_PLACEHOLDER, *args])
    if not url.startswith(results):
        raise ValueError(f"{name} is not a page under the client's private link.")
    return url.removeprefix(results) or "./"
