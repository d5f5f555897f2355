"""The database itself refuses out-of-scale points, importances and unknown statuses."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, transaction

from matchmaker.dimensions import DIMENSIONS
from profiles.models import Therapist
from questionnaire.models import Client
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def column_names(model: type[Any]) -> set[str]:
    return {field.column for field in model._meta.concrete_fields}


def test_the_therapist_table_has_a_column_for_every_dimension() -> None:
    assert {d.key for d in DIMENSIONS} <= column_names(Therapist)


def test_the_client_table_has_a_point_and_an_importance_column_for_every_dimension() -> None:
    columns = column_names(Client)
    for dimension in DIMENSIONS:
        assert dimension.point_field in columns
        assert dimension.importance_field in columns


@pytest.mark.parametrize("key", [d.key for d in DIMENSIONS])
@pytest.mark.parametrize("point", [0, 8])
def test_it_refuses_a_therapist_point_outside_1_to_7(key: str, point: int) -> None:
    therapist = make_therapist()
    with pytest.raises(IntegrityError), transaction.atomic():
        Therapist.objects.filter(pk=therapist.pk).update(**{key: point, f"{key}_high": point})
    therapist.refresh_from_db()
    assert getattr(therapist, key) == 4


@pytest.mark.parametrize("key", [d.key for d in DIMENSIONS])
@pytest.mark.parametrize("point", [1, 7])
def test_it_accepts_a_therapist_point_at_either_end_of_the_scale(key: str, point: int) -> None:
    therapist = make_therapist()
    Therapist.objects.filter(pk=therapist.pk).update(**{key: point, f"{key}_high": point})
    therapist.refresh_from_db()
    assert getattr(therapist, key) == point


def test_it_refuses_an_unknown_therapist_status() -> None:
    therapist = make_therapist()
    with pytest.raises(IntegrityError), transaction.atomic():
        Therapist.objects.filter(pk=therapist.pk).update(status="deleted")
    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PUBLISHED


@pytest.mark.parametrize("dimension", DIMENSIONS, ids=lambda d: d.key)
@pytest.mark.parametrize("importance", [-1, 4])
def test_it_refuses_a_client_importance_outside_0_to_3(dimension: Any, importance: int) -> None:
    client, _ = make_client()
    # PostgreSQL refuses -1 in a positive column with its own check; either way it is an IntegrityError.
    with pytest.raises(IntegrityError), transaction.atomic():
        Client.objects.filter(pk=client.pk).update(**{dimension.importance_field: importance})


@pytest.mark.parametrize("dimension", DIMENSIONS, ids=lambda d: d.key)
@pytest.mark.parametrize("point", [0, 8])
def test_it_refuses_a_client_point_outside_1_to_7(dimension: Any, point: int) -> None:
    client, _ = make_client()
    with pytest.raises(IntegrityError), transaction.atomic():
        Client.objects.filter(pk=client.pk).update(**{dimension.point_field: point})


@pytest.mark.parametrize("dimension", DIMENSIONS, ids=lambda d: d.key)
def test_it_accepts_client_answers_at_the_edges_and_no_preference(dimension: Any) -> None:
    client, _ = make_client()
    for point, importance in [(1, 0), (7, 3), (None, 3)]:
        Client.objects.filter(pk=client.pk).update(
            **{dimension.point_field: point, dimension.importance_field: importance}
        )
        client.refresh_from_db()
        assert getattr(client, dimension.point_field) == point
        assert getattr(client, dimension.importance_field) == importance


@pytest.mark.parametrize("miles", [0, 7, 26, 100])
def test_it_refuses_a_distance_other_than_5_10_25_or_50_miles(miles: int) -> None:
    client, _ = make_client()
    with pytest.raises(IntegrityError), transaction.atomic():
        Client.objects.filter(pk=client.pk).update(max_distance=miles)
    client.refresh_from_db()
    assert client.max_distance == 25


@pytest.mark.parametrize("miles", [5, 10, 25, 50])
def test_it_accepts_each_distance_offered(miles: int) -> None:
    client, _ = make_client()
    Client.objects.filter(pk=client.pk).update(max_distance=miles)
    client.refresh_from_db()
    assert client.max_distance == miles
