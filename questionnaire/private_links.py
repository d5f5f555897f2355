"""Links between a client's private pages that do not spell out their private link.

The results page (/c/<token>/) writes its links relative to itself ("shortlist/", "therapists/12/"),
so its HTML holds no token: the page can be compressed without a BREACH hole (see
matchmaker.middleware) and the part below the client's own line can be kept (questionnaire.results_body).
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import reverse

_PLACEHOLDER = "token"


@lru_cache(maxsize=1_000)
def _relative(name: str, *args: object) -> str:
    results = reverse("questionnaire:results", args=[_PLACEHOLDER])
    url = reverse(name, args=[_PLACEHOLDER, *args])
    if not url.startswith(results):
        raise ValueError(f"{name} is not a page under the client's private link.")
    return url.removeprefix(results) or "./"


# Stand-ins for whole-number arguments (ids), replaced in the reversed link: no id is this large.
_STAND_IN = 987_654_320


@lru_cache(maxsize=1_000)
def _pattern(name: str, count: int) -> str:
    """The relative link for `name` with `count` ids as a format string ("therapists/{0}/")."""
    stand_ins = [_STAND_IN + index for index in range(count)]
    pattern = _relative(name, *stand_ins).replace("{", "{{").replace("}", "}}")
    for index, stand_in in enumerate(stand_ins):
        if pattern.count(str(stand_in)) != 1:
            raise ValueError(f"{name}: cannot tell where argument {index} goes.")
        pattern = pattern.replace(str(stand_in), f"{{{index}}}")
    return pattern


def below_results(name: str, *args: object) -> str:
    """A page under a client's private link, as a link relative to their results page.

    Whatever follows the token in the path is the same for every client, so it is worked out once
    with a stand-in token; links that take ids (a therapist's, a conversation's) once per page kind,
    with stand-in ids filled in per link: a first visit's twenty new cards would otherwise reverse
    sixty links.
    """
    if args and all(type(arg) is int and arg >= 0 for arg in args):
        return _pattern(name, len(args)).format(*args)
    return _relative(name, *args)
