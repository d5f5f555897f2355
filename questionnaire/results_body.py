"""The part of a results page below the client's own line, rendered once and kept a few minutes.

Everything in it follows from three things: the client's saved answers with the directory's state and
the time (together the kept ranking's key, matchmaker.matching.find.ranking_key), the page asked for,
and which therapists the client saved. Those make the key, so a reload of an unchanged page costs
a lookup instead of loading twenty therapists, explaining them and rendering their cards:

- a change to the answers, or setting a therapist aside (which saves the client), changes the key;
- saving or removing a therapist changes the saved ids;
- a therapist's edit goes through listing_sync, whose rebuild renews the directory's stamp;
- the time window moves every RANKING_KEPT_SECONDS, which bounds how stale "availability confirmed
  3 days ago" can be, as it bounds the kept ranking.

It is kept twice, for RANKING_KEPT_SECONDS at most. In the shared cache, so that whichever server a
reload lands on finds it: sealed there (matchmaker.sealing) with a key only the client's private link
gives, because it is written from the client's answers. And in this process's memory (matchmaker.memo),
which saves the next reload here opening it again. It holds no private link (links are relative), no
CSRF token and no message: those are the request's own, and results.html puts them around it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from matchmaker.matching.find import (
    RANKING_KEPT_SECONDS,
    Kept,
    asked_page,
    directory_state,
    find_matches,
    forget_kept_ranking,
    kept_keys,
    ranking_key,
    time_window,
)
from matchmaker.memo import Memo
from matchmaker.sealing import seal, unseal
from questionnaire.cards import cards_for, cards_html
from questionnaire.models import Client

# About 45 KB a page of twenty cards: at most about 18 MB per process.
BODIES: Memo[Body] = Memo(size=400, seconds=RANKING_KEPT_SECONDS)


@dataclass(frozen=True)
class Body:
    html: SafeString
    page_number: int  # the page shown, which the one asked for may not be (past the end, or not a number)
    has_matches: bool


def render_body(
    client: Client,
    page: object,
    shortlisted_ids: frozenset[int],
    state: tuple[int, int] | None = None,
    kept: Kept | None = None,
) -> Body:
    found = find_matches(client, page, state, kept)
    cards = cards_html(cards_for(found.matches, client, set(shortlisted_ids)))
    context = {"client": client, "results": found, "cards": cards}
    html = mark_safe(render_to_string("questionnaire/_results_body.html", context))  # noqa: S308 - our template
    return Body(html, found.page.number, bool(found.matches))


# Part of every shared key: a change to what an entry holds takes a new version, so that during a rolling
# deploy no server reads an entry another version wrote.
SHARED_VERSION = 1


def shared_key(key: tuple[str, int, frozenset[int]]) -> str:
    ranking, page, saved = key
    digest = hashlib.sha256(repr((ranking, page, sorted(saved))).encode()).hexdigest()
    return f"results-body:v{SHARED_VERSION}:{digest}"


def opened_body(opened: bytes | None) -> Body | None:
    """The body a sealed entry holds, or None if it holds anything else."""
    try:
        html, page_number, has_matches = json.loads(opened or b"")
    except (ValueError, TypeError):
        return None
    if not (isinstance(html, str) and isinstance(page_number, int) and isinstance(has_matches, bool)):
        return None
    return Body(mark_safe(html), page_number, has_matches)  # noqa: S308 - rendered from our own template


def shared_or_rendered(
    client: Client, token: str, page: object, key: tuple[str, int, frozenset[int]], state: tuple[int, int]
) -> Body:
    """The body another server rendered and sealed for this link, or rendered here and sealed for the others.

    One round trip asks the shared cache for the sealed body and for the kept ranking it would be rendered from
    (matchmaker.matching.find.kept_keys); one more keeps what was made.
    """
    where, ranking = shared_key(key), kept_keys(key[0], key[1])
    found = cache.get_many([where, *ranking])
    sealed = found.pop(where, None)
    body = opened_body(unseal(token, where, sealed) if isinstance(sealed, bytes) else None)
    if body is not None:
        return body
    kept = Kept(found)
    body = render_body(client, page, key[2], state, kept)
    data = json.dumps([str(body.html), body.page_number, body.has_matches]).encode()
    cache.set_many({where: seal(token, where, data), **kept.made}, RANKING_KEPT_SECONDS)
    return body


def results_body(client: Client, token: str, page: object, shortlisted_ids: frozenset[int]) -> Body:
    """The body of this client's results page `page`, kept while nothing it shows has changed."""
    asked = asked_page(page)
    if asked is None:  # not a page number (rendered, as the first page, and never kept)
        return render_body(client, page, shortlisted_ids)
    state = directory_state()
    key = (ranking_key(client, state[1], time_window()), asked, shortlisted_ids)
    return BODIES.get(key, lambda: shared_or_rendered(client, token, page, key, state))


def forget_kept_results(client: Client) -> None:
    """Drop this client's kept ranking and kept pages, in the shared cache and in this process, now.

    Pages kept for an earlier shortlist, or in other processes' memory, can no longer be reached once
    the answers change or go (the key is made of them); they are let go within RANKING_KEPT_SECONDS,
    and the shared ones cannot be opened without the link meanwhile.
    """
    saved = frozenset(client.shortlist.values_list("therapist_id", flat=True))
    pages = forget_kept_ranking(client)
    cache.delete_many([shared_key((key, page, saved)) for key, count in pages.items() for page in range(1, count + 1)])
    BODIES.forget(lambda kept: kept[0] in pages)  # type: ignore[index]
