from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchmaker.dimensions import DIMENSIONS
from matchmaker.matching import states
from matchmaker.scoring import explain, fit_score
from profiles.models import CHECK_IN_MIN_CLIENTS
from questionnaire.models import KEEP_UNTOUCHED_FOR


def home(request: HttpRequest) -> HttpResponse:
    context = {"dimensions": DIMENSIONS, "states_listed": states.states_sentence(states.listed_by_state())}
    return render(request, "home.html", context)


def how_matching_works(request: HttpRequest) -> HttpResponse:
    # A worked example, computed by the same function the results page uses.
    preferences = {"directness": (6, 3), "approach": (2, 1), "structure": (None, 2)}
    style = {"directness": 5, "responsiveness": 4, "approach": 5, "structure": 7, "challenge": 3, "intensity": 2}
    context = {
        "dimensions": DIMENSIONS,
        "example_reasons": explain(preferences, style),
        "example_fit": fit_score(preferences, style),
    }
    return render(request, "how_matching_works.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    context = {"keep_days": KEEP_UNTOUCHED_FOR.days, "check_in_min_clients": CHECK_IN_MIN_CLIENTS}
    return render(request, "privacy.html", context)
