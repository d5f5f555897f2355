"""The coverage page counts therapists' styles and clients' wishes per state, in aggregate only."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from matchmaker import coverage
from matchmaker.dimensions import SCALE
from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def every_group_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests count a handful of clients; hiding small groups is tested on its own."""
    monkeypatch.setattr(coverage, "MIN_CLIENTS_SHOWN", 1)


NOW = timezone.now()
STALE = NOW - datetime.timedelta(days=60)

# name, status, states, availability, directness, approach
THERAPISTS = [
    ("Tia Deep", Therapist.Status.PUBLISHED, ("TX",), NOW, 6, 6),
    ("Ted Skills", Therapist.Status.PUBLISHED, ("TX", "CA"), NOW, 5, 2),
    ("Tom Gentle", Therapist.Status.PUBLISHED, ("TX",), NOW, 2, 7),
    ("Pam Pending", Therapist.Status.PENDING, ("TX",), NOW, 6, 6),
    ("Sam Stale", Therapist.Status.PUBLISHED, ("TX",), STALE, 6, 6),
    ("Cal Only", Therapist.Status.PUBLISHED, ("CA",), NOW, 6, 6),
]
# state, completed, (directness point, importance), (approach point, importance)
CLIENTS = [
    ("TX", True, (6, 3), (7, 2)),
    ("TX", True, (5, 2), (5, 3)),
    ("TX", True, (2, 3), (6, 1)),
    ("TX", True, (None, 0), (None, 0)),
    ("TX", False, (6, 3), (6, 3)),
    ("CA", True, (6, 3), (6, 3)),
]


@pytest.fixture
def setup() -> None:
    for name, status, states, confirmed, directness, approach in THERAPISTS:
        factories.make_therapist(
            name=name,
            status=status,
            states=states,
            availability_confirmed_at=confirmed,
            directness=directness,
            approach=approach,
        )
    for state, completed, (d_point, d_importance), (a_point, a_importance) in CLIENTS:
        factories.make_client(
            state=state,
            completed_at=NOW if completed else None,
            directness_point=d_point,
            directness_importance=d_importance,
            approach_point=a_point,
            approach_importance=a_importance,
        )


def counted_therapists(state: str) -> list[tuple]:
    return [
        t for t in THERAPISTS if t[1] == Therapist.Status.PUBLISHED and t[3] == NOW and (not state or state in t[2])
    ]


def counted_clients(state: str) -> list[tuple]:
    return [c for c in CLIENTS if c[1] and (not state or c[0] == state)]


def by_key(result: coverage.Coverage, key: str) -> coverage.DimensionCoverage:
    return next(item for item in result.dimensions if item.dimension.key == key)


@pytest.mark.parametrize("state", ["TX", ""])
def test_it_counts_findable_therapists_and_weighted_client_answers_per_point(setup: None, state: str) -> None:
    result = coverage.build(state)

    therapists = counted_therapists(state)
    clients = counted_clients(state)
    assert (result.therapists, result.clients) == (len(therapists), len(clients))
    for key, t_index, c_index in (("directness", 4, 2), ("approach", 5, 3)):
        expected_therapists = Counter(t[t_index] for t in therapists)
        expected_clients = Counter(c[c_index][0] for c in clients if c[c_index][1] > 0)
        item = by_key(result, key)
        assert {bar.point: bar.therapists for bar in item.bars} == {p: expected_therapists[p] for p in SCALE}
        assert {bar.point: bar.clients for bar in item.bars} == {p: expected_clients[p] for p in SCALE}
        assert item.therapists == len(therapists)
        assert item.clients == sum(expected_clients.values())
        assert sum(bar.therapist_share for bar in item.bars) == pytest.approx(1)
    # Nobody weighted "responsiveness"; every therapist stands at the default middle.
    responsiveness = by_key(result, "responsiveness")
    assert responsiveness.clients == 0
    assert [bar.therapists for bar in responsiveness.bars] == [len(therapists) if p == 4 else 0 for p in SCALE]


def test_it_finds_how_many_therapists_fit_the_common_combinations(setup: None) -> None:
    result = coverage.build("TX")

    # Clients weighting both directness and approach at least "quite a bit", bucketed.
    def bucket(point: int) -> str:
        return "low" if point <= 3 else "middle" if point == 4 else "high"

    wanted = Counter((bucket(c[2][0]), bucket(c[3][0])) for c in counted_clients("TX") if c[2][1] >= 2 and c[3][1] >= 2)
    assert len(result.combinations) == len(wanted)
    combination = result.combinations[0]
    (first, first_bucket), (second, second_bucket) = combination.wants
    assert (first.key, second.key) == ("directness", "approach")
    assert combination.clients == wanted[(first_bucket.key, second_bucket.key)]
    spans = {"low": range(1, 5), "middle": range(3, 6), "high": range(4, 8)}
    fitting = [
        t for t in counted_therapists("TX") if t[4] in spans[first_bucket.key] and t[5] in spans[second_bucket.key]
    ]
    assert combination.therapists == len(fitting)
    assert combination.thin == (len(fitting) < coverage.THIN_BELOW)
    assert combination.sentence == f"Clients in Texas who want direct, depth-focused work: {len(fitting)} therapist"


def test_the_number_of_queries_does_not_grow_with_the_directory(setup: None) -> None:
    with CaptureQueriesContext(connection) as small:
        coverage.build("TX")
    for index in range(20):
        factories.make_therapist(name=f"Extra {index}", states=("TX",), directness=(index % 7) + 1)
        factories.make_client(state="TX", completed_at=NOW, directness_point=(index % 7) + 1, directness_importance=3,
                              structure_point=2, structure_importance=2)  # fmt: skip
    with CaptureQueriesContext(connection) as large:
        coverage.build("TX")

    assert len(large) == len(small)


def test_the_page_draws_svg_charts_with_text_and_the_thin_list(client: Browser, setup: None) -> None:
    client.force_login(factories.make_staff("curator"))

    response = client.get(reverse("coverage"), {"state": "TX"})

    assert response.status_code == 200
    html = response.content.decode()
    content = html[html.index('<div id="content"') : html.index("<!-- END Content -->")]
    assert content.count("<svg") == 6
    assert content.count("<title") == 6 + 6 * 7 * 2  # the chart, then each bar
    assert content.count("<desc") == 6
    assert "Clients in Texas who want direct, depth-focused work: 1 therapist" in content
    assert "<script" not in content
    assert "src=" not in content and "https://" not in html


def test_an_unknown_state_falls_back_to_all_states(client: Browser, setup: None) -> None:
    client.force_login(factories.make_staff("curator"))

    response = client.get(reverse("coverage"), {"state": "ZZ"})

    assert response.status_code == 200
    assert "Across all states" in response.content.decode()
