"""The Listing search table and its one writer.

Listing rows are derived data, rebuilt from a therapist's own row and relations.
Every write path that changes what a listing copies calls ``listing_sync`` with the
therapists it touched; the rebuild runs once, when the transaction commits, for all
the therapists queued in it. Nothing watches Therapist for changes: a write that does
not call ``listing_sync`` leaves the table as it was, and ``listings_rebuild`` repairs
it on purpose (the seeding and import paths call it for many therapists at once).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction

from matchmaker import geo, vocabulary
from matchmaker.dimensions import DIMENSIONS
from profiles.models import LISTING_FILTER_FIELDS, Listing, Therapist

# The results page caches the directory's size under this key, with a stamp of when it was counted that
# tells kept rankings the directory changed; see matchmaker.matching.find.
DIRECTORY_STATE_KEY = "matching:directory-state"
# The same count under its earlier name and shape (a bare number), still read by a server that has not
# been updated yet during a rolling deploy: cleared with the new one, so that it never shows a stale count.
EARLIER_COUNT_KEY = "matching:published-count"
# The questionnaire's first step caches how many are listed in each state; see matchmaker.matching.states.
STATE_COUNTS_KEY = "matching:state-counts"

COPIED_FIELDS = (*LISTING_FILTER_FIELDS, *(d.key for d in DIMENSIONS), *(d.high_field for d in DIMENSIONS))


def listing_values(
    therapist: object, *, languages: Iterable[str], insurance_plans: Iterable[str], concerns: Iterable[str]
) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(therapist, name) for name in COPIED_FIELDS}
    values["languages_mask"] = vocabulary.bitmask(vocabulary.LANGUAGES, list(languages))
    values["insurance_mask"] = vocabulary.bitmask(vocabulary.INSURANCE_PLANS, list(insurance_plans))
    values["concerns_mask"] = vocabulary.bitmask(vocabulary.CONCERNS, list(concerns))
    values["office_latitude"], values["office_longitude"] = office_location(therapist)
    return values


def office_location(therapist: Any) -> tuple[float | None, float | None]:
    """The centroid of the in-person office's ZIP code, or (None, None) without one."""
    office = geo.place(therapist.office_zip) if therapist.offers_in_person and therapist.office_zip else None
    return (office.latitude, office.longitude) if office else (None, None)


def listings_for(therapist: Therapist) -> list[Listing]:
    """The listing rows a therapist should have right now: none unless published with every scale answered."""
    if therapist.status != Therapist.Status.PUBLISHED:
        return []
    if any(getattr(therapist, d.key) is None for d in DIMENSIONS):
        return []  # ranked on its style, a listing waits until every scale is answered
    states = sorted(state.code for state in therapist.licensed_states.all())
    values = listing_values(
        therapist,
        languages=[language.code for language in therapist.languages.all()],
        insurance_plans=[plan.code for plan in therapist.insurance_plans.all()],
        concerns=[concern.code for concern in therapist.concerns.all()],
    )
    return [
        Listing(therapist=therapist, state=state, primary=index == 0, **values) for index, state in enumerate(states)
    ]


def forget_published_count() -> None:
    """Drop the cached directory size, and the counts per state, once the transaction commits.

    Cleared only before, a request running meanwhile could count the old rows and cache the
    old number again. It is cleared now as well, so that this very transaction (a test's,
    which never commits, or the rest of a request's) no longer reads kept rankings of the old
    directory: each counting stamps the entry anew, and kept rankings are keyed by the stamp.
    """
    cache.delete(DIRECTORY_STATE_KEY)
    transaction.on_commit(lambda: cache.delete_many([DIRECTORY_STATE_KEY, EARLIER_COUNT_KEY, STATE_COUNTS_KEY]))


@transaction.atomic
def listings_rebuild(therapist_ids: Iterable[int]) -> None:
    """Rebuild the listing rows of these therapists from their current data, now."""
    ids = sorted(set(therapist_ids))
    Listing.objects.filter(therapist_id__in=ids).delete()
    rows = []
    therapists = Therapist.objects.filter(pk__in=ids, status=Therapist.Status.PUBLISHED).prefetch_related(
        "licensed_states", "languages", "insurance_plans", "concerns"
    )
    for therapist in therapists:
        rows.extend(listings_for(therapist))
    Listing.objects.bulk_create(rows, batch_size=5000)
    forget_published_count()


class _QueuedRebuild:
    """The therapists queued in one transaction, rebuilt together when it commits."""

    def __init__(self) -> None:
        self.therapist_ids: set[int] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        listings_rebuild(self.therapist_ids)


_current = threading.local()


def _waiting_rebuild() -> _QueuedRebuild | None:
    """The rebuild this transaction already waits to run on commit, if there is one."""
    rebuild: _QueuedRebuild | None = getattr(_current, "rebuild", None)
    if rebuild is None or rebuild.done:
        return None
    # Gone from the list when its transaction (or savepoint) was rolled back.
    if not any(entry[1] is rebuild for entry in transaction.get_connection().run_on_commit):
        return None
    return rebuild


def listing_sync(*, therapist_ids: Iterable[int]) -> None:
    """Bring these therapists' listing rows in step with them when the current transaction commits.

    All the ids queued in one transaction are rebuilt together, once; outside a transaction
    the rebuild runs at once. Deleted therapists may be passed: their rows are already gone,
    and the cached directory size is cleared all the same.
    """
    ids = {int(pk) for pk in therapist_ids if pk is not None}
    if not ids:
        return
    rebuild = _waiting_rebuild()
    if rebuild is not None:
        rebuild.therapist_ids.update(ids)
        return
    rebuild = _QueuedRebuild()
    rebuild.therapist_ids.update(ids)
    _current.rebuild = rebuild
    transaction.on_commit(rebuild)
