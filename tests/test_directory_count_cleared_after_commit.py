"""The cached size of the directory is forgotten when the change that altered it commits.

Forgotten only before, a request running meanwhile would count the old rows and cache the old number
again. A rebuild also forgets it at once, so that the rest of its own transaction stops reading rankings
kept for the old directory (they are keyed by the count's stamp).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction

from matchmaker.matching.search_table import DIRECTORY_STATE_KEY, listing_sync, listings_rebuild
from profiles.models import Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def test_a_count_made_before_the_rebuild_commits_is_forgotten_when_it_does(
    django_capture_on_commit_callbacks: Any,
) -> None:
    therapist = make_therapist()
    cache.set(DIRECTORY_STATE_KEY, (1, 1))

    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        Therapist.objects.filter(pk=therapist.pk).update(status=Therapist.Status.PENDING)
        listings_rebuild([therapist.pk])
        assert cache.get(DIRECTORY_STATE_KEY) is None  # forgotten at once ...
        cache.set(DIRECTORY_STATE_KEY, (1, 2))  # ... but a request meanwhile counts the old rows again

    for callback in callbacks:
        callback()
    assert cache.get(DIRECTORY_STATE_KEY) is None


def test_a_queued_sync_forgets_the_count_after_commit(django_capture_on_commit_callbacks: Any) -> None:
    therapist = make_therapist()
    pk = therapist.pk
    cache.set(DIRECTORY_STATE_KEY, (1, 1))

    with django_capture_on_commit_callbacks(execute=True):
        therapist.delete()
        listing_sync(therapist_ids=[pk])
        assert cache.get(DIRECTORY_STATE_KEY) == (1, 1)  # the rebuild waits for the commit

    assert cache.get(DIRECTORY_STATE_KEY) is None
