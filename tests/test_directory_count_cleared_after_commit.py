"""The cached size of the directory is forgotten only once the change that altered it has committed.

Forgotten earlier, a request running meanwhile would count the old rows and cache the old number again.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction

from matchmaker.matching.search_table import PUBLISHED_COUNT_KEY, listing_sync, listings_rebuild
from profiles.models import Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def test_it_keeps_the_cached_count_until_the_rebuild_commits(django_capture_on_commit_callbacks: Any) -> None:
    therapist = make_therapist()
    cache.set(PUBLISHED_COUNT_KEY, 1)

    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        Therapist.objects.filter(pk=therapist.pk).update(status=Therapist.Status.PENDING)
        listings_rebuild([therapist.pk])
        assert cache.get(PUBLISHED_COUNT_KEY) == 1

    for callback in callbacks:
        callback()
    assert cache.get(PUBLISHED_COUNT_KEY) is None


def test_a_queued_sync_forgets_the_count_after_commit(django_capture_on_commit_callbacks: Any) -> None:
    therapist = make_therapist()
    pk = therapist.pk
    cache.set(PUBLISHED_COUNT_KEY, 1)

    with django_capture_on_commit_callbacks(execute=True):
        therapist.delete()
        listing_sync(therapist_ids=[pk])
        assert cache.get(PUBLISHED_COUNT_KEY) == 1

    assert cache.get(PUBLISHED_COUNT_KEY) is None
