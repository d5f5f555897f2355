"""The coverage page never shows the answers of a group of clients small enough to single one out."""

from __future__ import annotations

import pytest

from matchmaker import coverage
from questionnaire.models import Client
from tests import factories

pytestmark = pytest.mark.django_db


def finished_client(state: str, directness: int) -> Client:
    client, _ = factories.make_client(
        state=state, directness_point=directness, directness_importance=3, approach_point=6, approach_importance=3
    )
    client.completed_at = client.created_at
    client.save()
    return client


def test_fewer_than_five_clients_in_a_state_are_counted_but_their_answers_are_not_shown():
    factories.make_therapist(states=("VT",), directness=6, approach=6)
    for _ in range(coverage.MIN_CLIENTS_SHOWN - 1):
        finished_client("VT", 6)

    result = coverage.build("VT")

    assert result.clients == coverage.MIN_CLIENTS_SHOWN - 1
    assert result.clients_hidden
    assert all(bar.clients == 0 for item in result.dimensions for bar in item.bars)
    assert result.combinations == []


def test_from_five_clients_on_their_answers_are_shown_in_aggregate():
    factories.make_therapist(states=("VT",), directness=6, approach=6)
    for _ in range(coverage.MIN_CLIENTS_SHOWN):
        finished_client("VT", 6)

    result = coverage.build("VT")

    directness = next(item for item in result.dimensions if item.dimension.key == "directness")
    assert not result.clients_hidden
    assert [bar.clients for bar in directness.bars if bar.point == 6] == [coverage.MIN_CLIENTS_SHOWN]
    assert [n.clients for n in result.combinations] == [coverage.MIN_CLIENTS_SHOWN]


def test_a_rare_combination_of_wishes_is_left_out_even_in_a_large_group():
    for _ in range(coverage.MIN_CLIENTS_SHOWN):
        finished_client("VT", 6)
    finished_client("VT", 1)  # the only client who wants gentle, deep work

    result = coverage.build("VT")

    assert all(n.clients >= coverage.MIN_CLIENTS_SHOWN for n in result.combinations)
    assert len(result.combinations) == 1
