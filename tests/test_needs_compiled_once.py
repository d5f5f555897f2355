"""Each need's condition is compiled to SQL once per process and reused for every client whose answers give the
same condition (matchmaker.matching.find.compiled); whom a client set aside is their own, and never reused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.matching import find, needs
from matchmaker.matching.find import find_matches
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL of every condition the ORM is asked to compile."""
    seen: list[str] = []
    real = find.condition_sql

    def counting(condition: object) -> tuple[str, list[object]]:
        sql, params = real(condition)  # type: ignore[arg-type]
        seen.append(sql)
        return sql, params

    monkeypatch.setattr(find, "condition_sql", counting)
    return seen


def test_a_second_client_with_the_same_needs_compiles_only_whom_they_set_aside(compiles: list[str]) -> None:
    answers = {"state": "CA", "languages": ["es"], "max_fee": 150, "session_format": "online"}
    first, _ = make_client(**answers)
    second, _ = make_client(**answers)

    find_matches(first)
    # The state, taking new clients, availability, set aside, seeing clients online, the language and the fee.
    assert len(compiles) == 7
    compiles.clear()
    find_matches(second)

    assert len(compiles) == 1
    assert "set" in compiles[0].lower() and "aside" in compiles[0].lower()  # the subquery on the set-aside table


def test_whom_one_client_set_aside_is_never_shown_to_another_as_set_aside(client: Browser) -> None:
    dana = make_therapist(name="Dana Setaside")
    sets_aside, token = make_client(state="CA")
    other, other_token = make_client(state="CA")
    sets_aside.set_aside.create(therapist=dana)

    own = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    theirs = client.get(reverse("questionnaire:results", args=[other_token])).content.decode()

    assert "Dana Setaside" not in own and "1 therapist was set aside by you" in own
    assert "Dana Setaside" in theirs and "set aside by you" not in theirs


def test_the_availability_cutoff_is_the_next_whole_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime(2026, 12, 6, 9, 41, 27, 500_000, tzinfo=UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    monkeypatch.setattr("profiles.models.AVAILABILITY_FRESH_DAYS", 30)
    client, _ = make_client()

    condition = needs.confirmed_recently(client)

    cutoff = datetime(2026, 11, 6, 9, 42, tzinfo=UTC)  # thirty days earlier, then up to the minute
    assert condition.children == [("availability_confirmed_at__gte", cutoff)]
    assert now - cutoff < timedelta(days=30)  # stricter, by under a minute


def test_an_availability_cutoff_on_a_whole_minute_stays_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime(2026, 12, 6, 9, 41, tzinfo=UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    monkeypatch.setattr("profiles.models.AVAILABILITY_FRESH_DAYS", 30)
    client, _ = make_client()

    assert needs.confirmed_recently(client).children == [
        ("availability_confirmed_at__gte", datetime(2026, 11, 6, 9, 41, tzinfo=UTC))
    ]
