"""What an app server process does once, before its first request: load what every page uses, then put it
out of the garbage collector's way.

Python's collector walks every object that is still alive whenever it runs a full collection. A Django
worker holds about 90,000 long-lived objects (modules, models, URL patterns, compiled templates),
and a first visit to a results page allocates enough to trigger collections that walked them all: about a
quarter of that page's CPU time. `gc.freeze()` moves every object alive now into a generation the collector
never walks; objects made later are collected as before. It also keeps forked workers from copying memory
pages that they would otherwise touch only to count references. Called from gunicorn.conf.py
(post_worker_init) and by bench_ranking, so that the benchmark measures what the workers do.
"""

from __future__ import annotations

import gc

from django.template import engines
from django.template.loader import get_template
from django.urls import get_resolver

# The templates of the pages asked for most: compiled now, so that they are frozen with the rest.
WARM_TEMPLATES = (
    "base.html",
    "questionnaire/results.html",
    "questionnaire/_results_body.html",
    "questionnaire/step.html",
    "questionnaire/therapist.html",
    "home.html",
)


def warm_and_freeze() -> int:
    """Load the URL patterns and the busiest templates, then freeze every object alive; returns how many."""
    get_resolver().url_patterns  # noqa: B018 - loading them is the point
    for name in WARM_TEMPLATES:
        get_template(name)
    engines["jinja2"].get_template("questionnaire/match_cards.html")
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
