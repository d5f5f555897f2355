"""The part of a results page below the client's own line, rendered once and kept a few minutes in this process.

Everything in it follows from three things: the client's saved answers with the directory's state and
the time (together the kept ranking's key, matchmaker.matching.find.ranking_key), the page asked for,
and which therapists the client saved. Those make the key, so a reload of an unchanged page costs
one lookup here instead of loading twenty therapists, explaining them and rendering their cards:

- a change to the answers, or setting a therapist aside (which saves the client), changes the key;
- saving or removing a therapist changes the saved ids;
- a therapist's edit goes through listing_sync, whose rebuild renews the directory's stamp;
- the time window moves every RANKING_KEPT_SECONDS, which bounds how stale "availability confirmed
  3 days ago" can be, as it bounds the kept ranking.

It is kept in this process's memory only (matchmaker.memo), never in the shared cache: it is
written from the client's answers. It holds no private link (links are relative), no CSRF token and
no message: those are the request's own, and results.html puts them around it. An entry is dropped
once it is RANKING_KEPT_SECONDS old, or sooner when newer pages push it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from matchmaker.matching.find import (
    RANKING_KEPT_SECONDS,
    directory_state,
    find_matches,
    forget_kept_ranking,
    kept_ranking_keys,
    ranking_key,
    time_window,
)
from matchmaker.memo import Memo
from questionnaire.cards import cards_for
from questionnaire.models import Client

# About 45 KB a page of twenty cards: at most about 18 MB per process.
BODIES: Memo[Body] = Memo(size=400, seconds=RANKING_KEPT_SECONDS)
# Page numbers beyond this many digits are not real pages: rendered, never kept.
LONGEST_PAGE_NUMBER = 5


@dataclass(frozen=True)
class Body:
    html: SafeString
    page_number: int  # the page shown, which the one asked for may not be (past the end, or not a number)
    has_matches: bool


def render_body(client: Client, page: object, shortlisted_ids: frozenset[int]) -> Body:
    found = find_matches(client, page)
    context = {"client": client, "results": found, "cards": cards_for(found.matches, client, set(shortlisted_ids))}
    html = mark_safe(render_to_string("questionnaire/_results_body.html", context))  # noqa: S308 - our template
    return Body(html, found.page.number, bool(found.matches))


def results_body(client: Client, page: object, shortlisted_ids: frozenset[int]) -> Body:
    """The body of this client's results page `page`, kept while nothing it shows has changed."""
    asked = str(page)
    if not (asked.isdigit() and len(asked) <= LONGEST_PAGE_NUMBER):
        return render_body(client, page, shortlisted_ids)
    key = (ranking_key(client, directory_state()[1], time_window()), int(asked), shortlisted_ids)
    return BODIES.get(key, lambda: render_body(client, page, shortlisted_ids))


def forget_kept_results(client: Client) -> None:
    """Drop this client's kept ranking (shared by every server) and the pages this process kept of it.

    Other processes' copies can no longer be reached once the answers change or go (the key is made
    of them) and are let go within RANKING_KEPT_SECONDS.
    """
    keys = set(kept_ranking_keys(client))
    forget_kept_ranking(client)
    BODIES.forget(lambda key: key[0] in keys)  # type: ignore[index]
