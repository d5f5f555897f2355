"""One bad row rolls back the whole import, also rows already written before it.

Runs in real transactions (not the test's wrapping one), so the rollback is the
database's own; run it on PostgreSQL too with DATABASE_URL set.
"""

from __future__ import annotations

import pytest
import tablib

from profiles.models import Therapist
from profiles.resources import TherapistResource
from tests import factories
from tests.csv_helpers import csv_text, good_row

pytestmark = pytest.mark.django_db(transaction=True)


def run_import(rows: list[dict[str, str]]) -> object:
    dataset = tablib.Dataset().load(csv_text(rows), format="csv")
    return TherapistResource().import_data(dataset, dry_run=False)


def test_a_bad_last_row_undoes_the_good_rows_written_before_it() -> None:
    existing = factories.make_therapist(name="Kept As Is", fee=100, states=("CA",))
    rows = [
        good_row(name="Ada Good"),
        good_row(id=existing.pk, name="Renamed", fee=150, licensed_states="NY;TX", license_number="LIC-1"),
        good_row(name="Bad Bea", concerns="anxiety;nonsense"),
    ]

    result = run_import(rows)

    assert result.has_validation_errors()  # type: ignore[attr-defined]
    assert [row.number for row in result.invalid_rows] == [3]  # type: ignore[attr-defined]
    assert list(Therapist.objects.values_list("name", flat=True)) == ["Kept As Is"]
    existing.refresh_from_db()
    assert existing.fee == 100
    assert list(existing.licensed_states.values_list("code", flat=True)) == ["CA"]


def test_a_file_of_good_rows_is_written_in_full() -> None:
    existing = factories.make_therapist(name="Kept As Is", fee=100, states=("CA",))
    rows = [
        good_row(name="Ada Good"),
        good_row(id=existing.pk, name="Renamed", fee=150, licensed_states="NY;TX", license_number="LIC-1"),
    ]

    result = run_import(rows)

    assert not result.has_validation_errors() and not result.has_errors()  # type: ignore[attr-defined]
    assert sorted(Therapist.objects.values_list("name", flat=True)) == ["Ada Good", "Renamed"]
    existing.refresh_from_db()
    assert existing.fee == 150
    assert sorted(existing.licensed_states.values_list("code", flat=True)) == ["NY", "TX"]


def test_callers_cannot_switch_the_rollback_off() -> None:
    dataset = tablib.Dataset().load(csv_text([good_row(name="Ada Good"), good_row(fee="free")]), format="csv")

    TherapistResource().import_data(dataset, dry_run=False, use_transactions=False, rollback_on_validation_errors=False)

    assert not Therapist.objects.exists()
