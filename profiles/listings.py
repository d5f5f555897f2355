"""Keep the Listing search table in step with the directory.

Listing rows are derived data: they are rebuilt from a therapist's own row and
relations whenever either changes. The signal handlers below make every write
path (editor, admin, CSV import, tests) keep them right without having to
remember to; bulk writes that skip signals call `listings_refresh` themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from matchmaker import vocabulary
from matchmaker.dimensions import DIMENSIONS
from profiles.models import LISTING_FILTER_FIELDS, Listing, Therapist

# Shared with questionnaire.matching, which caches the directory's size under it.
PUBLISHED_COUNT_KEY = "matching:published-count"

COPIED_FIELDS = (*LISTING_FILTER_FIELDS, *(d.key for d in DIMENSIONS))


def listing_values(
    therapist: object, *, languages: Iterable[str], insurance_plans: Iterable[str], concerns: Iterable[str]
) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(therapist, name) for name in COPIED_FIELDS}
    values["languages_mask"] = vocabulary.bitmask(vocabulary.LANGUAGES, list(languages))
    values["insurance_mask"] = vocabulary.bitmask(vocabulary.INSURANCE_PLANS, list(insurance_plans))
    values["concerns_mask"] = vocabulary.bitmask(vocabulary.CONCERNS, list(concerns))
    return values


def listings_for(therapist: Therapist) -> list[Listing]:
    """The listing rows a therapist should have right now: none unless published."""
    if therapist.status != Therapist.Status.PUBLISHED:
        return []
    states = sorted(therapist.licensed_states.values_list("code", flat=True))
    values = listing_values(
        therapist,
        languages=therapist.languages.values_list("code", flat=True),
        insurance_plans=therapist.insurance_plans.values_list("code", flat=True),
        concerns=therapist.concerns.values_list("code", flat=True),
    )
    return [
        Listing(therapist=therapist, state=state, primary=index == 0, **values) for index, state in enumerate(states)
    ]


@transaction.atomic
def listings_refresh(therapist_ids: Iterable[int]) -> None:
    """Rebuild the listing rows of these therapists from their current data."""
    ids = list(therapist_ids)
    Listing.objects.filter(therapist_id__in=ids).delete()
    rows = []
    for therapist in Therapist.objects.filter(pk__in=ids, status=Therapist.Status.PUBLISHED):
        rows.extend(listings_for(therapist))
    Listing.objects.bulk_create(rows)
    # The directory's size feeds the results page's sentences; see questionnaire.matching.
    cache.delete(PUBLISHED_COUNT_KEY)


@receiver(post_save, sender=Therapist, dispatch_uid="listing_after_therapist_saved")
def refresh_after_save(sender: type[Therapist], instance: Therapist, raw: bool = False, **kwargs: object) -> None:
    if not raw:
        listings_refresh([instance.pk])


@receiver(post_delete, sender=Therapist, dispatch_uid="listing_after_therapist_deleted")
def forget_count_after_delete(sender: type[Therapist], **kwargs: object) -> None:
    # Listing rows go with the therapist (cascade); only the cached directory size is left to clear.
    cache.delete(PUBLISHED_COUNT_KEY)


def refresh_after_relation_change(
    sender: object, instance: object, action: str, reverse: bool, **kwargs: object
) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:
        # Changed from the other side (e.g. state.therapists.add(...)): refresh those therapists.
        pk_set = kwargs.get("pk_set")
        ids = list(pk_set) if pk_set else list(Therapist.objects.values_list("pk", flat=True))
        listings_refresh(ids)
    else:
        listings_refresh([instance.pk])  # type: ignore[attr-defined]


for relation in ("licensed_states", "languages", "insurance_plans", "concerns"):
    m2m_changed.connect(
        refresh_after_relation_change,
        sender=getattr(Therapist, relation).through,
        dispatch_uid=f"listing_after_{relation}_changed",
    )
