"""Instances read through a statement the ORM compiled once are the ORM's own instances, for any values."""

from __future__ import annotations

import pytest

from matchmaker.compiled_once import instances, statement
from matchmaker.matching.find import CARD_FIELDS
from profiles.models import Therapist
from tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def test_some_fields_of_some_therapists_and_the_rest_on_demand(django_assert_num_queries) -> None:
    dana = make_therapist(name="Dana", license_number="A", fee=95)
    gale = make_therapist(name="Gale", license_number="B", fee=140, bio="Listens first.")
    make_therapist(name="Not asked for", license_number="C")

    with django_assert_num_queries(1):
        found = {t.pk: t for t in instances(Therapist, "pk__in", [gale.pk, dana.pk], fields=CARD_FIELDS)}
        assert (found[dana.pk].name, found[dana.pk].fee, found[gale.pk].name) == ("Dana", 95, "Gale")
    assert found[dana.pk].availability_confirmed_at == Therapist.objects.get(pk=dana.pk).availability_confirmed_at
    assert found[gale.pk].bio == "Listens first."  # not read up front: loaded when asked for, as with only()


def test_the_statement_is_written_once_per_number_of_values() -> None:
    first = make_therapist(name="One", license_number="A")
    second = make_therapist(name="Two", license_number="B")

    assert [t.name for t in instances(Therapist, "pk__in", [first.pk])] == ["One"]
    assert {t.name for t in instances(Therapist, "pk__in", [second.pk, first.pk])} == {"One", "Two"}
    assert statement(Therapist, "pk__in", 2, (), "default") is statement(Therapist, "pk__in", 2, (), "default")
    assert instances(Therapist, "pk__in", []) == []
    assert instances(Therapist, "pk__in", [second.pk + 1000]) == []
