"""Saving a step of the profile editor rebuilds that therapist's listing once, in a fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from profiles.models import Listing
from tests.factories import about_step_post, make_therapist, make_therapist_user, practice_step_post

pytestmark = pytest.mark.django_db


def listing_rebuilds(queries: CaptureQueriesContext) -> int:
    return sum(1 for query in queries.captured_queries if query["sql"].startswith('DELETE FROM "profiles_listing"'))


@pytest.fixture
def owner(client: Browser) -> Any:
    make_therapist(name="Sam Lee", states=("CA", "OR"))  # someone else, whose rows no save should touch
    therapist = make_therapist_user("robin", states=("CA", "NY"))
    client.force_login(therapist.user)
    return therapist


def test_a_practice_save_rebuilds_the_listing_once_in_27_queries(
    client: Browser, owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    others = list(Listing.objects.exclude(therapist=owner).values_list("pk", flat=True))
    data = practice_step_post(owner, fee="95", languages=["en", "es"])

    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("profiles:edit_step", args=[owner.pk, "practice"]), data)

    assert response.status_code == 302
    assert listing_rebuilds(queries) == 1
    # 24, plus the model's fee-ceiling constraint checked before saving (a savepoint and one SELECT).
    assert len(queries) == 27
    assert set(Listing.objects.filter(therapist=owner).values_list("fee", flat=True)) == {95}
    assert list(Listing.objects.exclude(therapist=owner).values_list("pk", flat=True)) == others


def test_a_license_change_rebuilds_the_listing_once(
    client: Browser, owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    data = about_step_post(owner, licensed_states=["CA", "NY", "OR"], license_number="NEW-2")

    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("profiles:edit_step", args=[owner.pk, "about"]), data)

    assert response.status_code == 302
    assert listing_rebuilds(queries) == 1
    # Published, so a new license sends the profile back for verification: out of the results until then.
    assert not Listing.objects.filter(therapist=owner).exists()
