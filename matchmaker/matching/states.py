"""Where the directory lists therapists, told up front so nobody answers every step to find no one.

Counted from the search table (published listings only), cached briefly; the table's
writer clears the cache whenever a rebuild commits, as it does the directory's size.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count

from matchmaker import vocabulary
from matchmaker.matching.search_table import STATE_COUNTS_KEY
from profiles.models import Listing

CACHE_SECONDS = 300


def listed_by_state() -> dict[str, int]:
    """How many therapists are listed in each state that has any, by state code."""
    counts = cache.get(STATE_COUNTS_KEY)
    if counts is None:
        rows = Listing.objects.values("state").annotate(therapists=Count("therapist_id", distinct=True))
        counts = {row["state"]: row["therapists"] for row in rows}
        cache.set(STATE_COUNTS_KEY, counts, CACHE_SECONDS)
    return dict(counts)


def therapists_phrase(count: int) -> str:
    return f"{count} therapist{'' if count == 1 else 's'}"


def state_choice_label(code: str, counts: dict[str, int]) -> str:
    """ "Ohio — 42 therapists", or "Alabama — no one listed yet"."""
    name = vocabulary.STATE_NAMES[code]
    count = counts.get(code, 0)
    return f"{name} — {therapists_phrase(count)}" if count else f"{name} — no one listed yet"


def states_sentence(counts: dict[str, int]) -> str:
    """ "We list therapists in 8 states so far." """
    states = sum(1 for count in counts.values() if count)
    if not states:
        return "We do not list any therapists yet."
    return f"We list therapists in {states} state{'' if states == 1 else 's'} so far."


def nobody_in(code: str, counts: dict[str, int]) -> str | None:
    """What to tell a client whose state has no one listed; None when someone is."""
    if counts.get(code, 0):
        return None
    name = vocabulary.STATE_NAMES[code]
    return (
        f"We don't list anyone licensed in {name} yet, so your matches would be empty for now. "
        "Therapists can only see clients in the states where they are licensed. "
        "You can still finish: your private link keeps your answers, and your matches fill in as therapists "
        f"in {name} join. If you will soon live in another state, you can choose that one instead."
    )
