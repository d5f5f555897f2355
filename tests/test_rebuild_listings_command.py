"""rebuild_listings repairs the search table after writes that went around the app."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from profiles.models import Listing, Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def test_it_repairs_rows_changed_behind_its_back_batch_by_batch() -> None:
    kept = [make_therapist(name=f"Therapist {index}", fee=100, states=("CA", "NY")) for index in range(3)]
    taken_down = make_therapist(name="Taken down")
    Therapist.objects.filter(pk__in=[t.pk for t in kept]).update(fee=75)
    Therapist.objects.filter(pk=taken_down.pk).update(status=Therapist.Status.PENDING)
    out = StringIO()

    call_command("rebuild_listings", batch_size=2, stdout=out)

    assert sorted(Listing.objects.values_list("therapist_id", "state", "fee")) == sorted(
        (t.pk, state, 75) for t in kept for state in ("CA", "NY")
    )
    assert "Rebuilt the listings of 4 therapists." in out.getvalue()
