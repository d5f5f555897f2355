from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchmaker.dimensions import BY_KEY, DIMENSIONS
from matchmaker.matching import states
from matchmaker.middleware import PRIVATE_PREFIXES
from matchmaker.scoring import as_range, explain, fit_score, gap
from profiles.models import CHECK_IN_MIN_CLIENTS
from questionnaire.models import KEEP_UNTOUCHED_FOR


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the public pages; a client's link, the questionnaire, therapists' own pages,
    the accounts and the admin are not theirs to fetch (and answer noindex if fetched anyway)."""
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in PRIVATE_PREFIXES), ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def home(request: HttpRequest) -> HttpResponse:
    context = {"dimensions": DIMENSIONS, "states_listed": states.states_sentence(states.listed_by_state())}
    return render(request, "home.html", context)


def how_matching_works(request: HttpRequest) -> HttpResponse:
    # A worked example, computed by the same function the results page uses.
    preferences = {"directness": (6, 3), "approach": (2, 1), "structure": (None, 2)}
    style = {"directness": 5, "responsiveness": 4, "approach": 5, "structure": 7, "challenge": 3, "intensity": 2}
    # The same client, and a therapist who answers with ranges: "it depends on the client".
    ranged: dict[str, int | tuple[int, int]] = {**style, "directness": (3, 5), "approach": (1, 3)}
    range_steps = []
    for key in ("directness", "approach"):
        point, weight = preferences[key]
        assert point is not None
        steps = gap(point, ranged[key])
        range_steps.append(
            {"title": BY_KEY[key].title, "range": as_range(ranged[key]), "point": point, "gap": steps, "weight": weight}
        )
    context = {
        "dimensions": DIMENSIONS,
        "example_reasons": explain(preferences, style),
        "example_fit": fit_score(preferences, style),
        "range_steps": range_steps,
        "range_reasons": explain(preferences, ranged),
        "range_fit": fit_score(preferences, ranged),
    }
    return render(request, "how_matching_works.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    context = {"keep_days": KEEP_UNTOUCHED_FOR.days, "check_in_min_clients": CHECK_IN_MIN_CLIENTS}
    return render(request, "privacy.html", context)
