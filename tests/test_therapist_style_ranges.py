"""A therapist may answer a scale with a range, at most three points wide; anything else is refused."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS
from profiles.models import Therapist
from tests.factories import make_therapist_user, style_step_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(client: Browser) -> Therapist:
    therapist = make_therapist_user("robin", directness=2)
    client.force_login(therapist.user)
    return therapist


def post_style(client: Browser, therapist: Therapist, **overrides: str) -> object:
    return client.post(
        reverse("profiles:edit_step", args=[therapist.pk, "style"]), style_step_post(therapist, **overrides)
    )


def test_it_saves_a_range_three_points_wide(client: Browser, owner: Therapist) -> None:
    response = post_style(client, owner, directness="3", directness_high="5")

    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.directness, owner.directness_high) == (3, 5)
    assert owner.style()["directness"] == (3, 5)


def test_a_single_point_is_stored_with_both_ends_equal(client: Browser, owner: Therapist) -> None:
    response = post_style(client, owner, approach="6", approach_high="")

    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.approach, owner.approach_high) == (6, 6)
    assert owner.style()["approach"] == 6


@pytest.mark.parametrize(
    ("low", "high", "message"),
    [
        ("5", "3", "“Up to” has to be above where you usually are (5)."),
        ("2", "6", "A range can be at most 3 points wide: from 2, up to 4."),
        ("3", "8", "Please choose a point from 1 to 7."),
        ("3", "0", "Please choose a point from 1 to 7."),
        ("0", "2", "Please choose a point from 1 to 7."),
        ("3", "four", "Please choose a point from 1 to 7."),
    ],
)
def test_it_refuses_a_tampered_range_with_a_message(
    client: Browser, owner: Therapist, low: str, high: str, message: str
) -> None:
    response = post_style(client, owner, directness=low, directness_high=high)

    assert response.status_code == 400
    assert message in response.content.decode()
    owner.refresh_from_db()
    assert (owner.directness, owner.directness_high) == (2, 2)


@pytest.mark.parametrize(
    ("low", "high"),
    [(5, 3), (2, 5), (0, 1), (6, 8), (4, None), (None, 4)],
)
def test_the_database_refuses_a_bad_range(low: int | None, high: int | None) -> None:
    therapist = make_therapist_user("robin")
    for dimension in DIMENSIONS[:1]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Therapist.objects.filter(pk=therapist.pk).update(**{dimension.key: low, dimension.high_field: high})


def test_the_database_accepts_both_ends_unanswered_or_a_range_three_wide() -> None:
    therapist = make_therapist_user("robin")
    Therapist.objects.filter(pk=therapist.pk).update(
        directness=None, directness_high=None, challenge=5, challenge_high=7
    )
    therapist.refresh_from_db()
    assert therapist.style()["challenge"] == (5, 7)
    assert "directness" not in therapist.style()
