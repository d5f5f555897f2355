"""In the admin, an empty high end means one point, a range is kept, and a bad range is a message, not a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import Therapist
from tests.factories import about_step_post, make_staff, make_therapist_user, practice_step_post, style_step_post

pytestmark = pytest.mark.django_db


def change_form(owner: Therapist, **style: str) -> dict[str, Any]:
    confirmed = timezone.localtime(owner.availability_confirmed_at)
    return {
        **about_step_post(owner),
        **practice_step_post(owner),
        **style_step_post(owner, **style),
        "accepting_new_clients": "on",
        "availability_confirmed_at_0": confirmed.strftime("%Y-%m-%d"),
        "availability_confirmed_at_1": confirmed.strftime("%H:%M:%S"),
        "user": owner.user_id,
    }


@pytest.fixture
def owner(client: Browser) -> Therapist:
    client.force_login(make_staff())
    return make_therapist_user("robin", challenge=4)


def url(owner: Therapist) -> str:
    return reverse("admin:profiles_therapist_change", args=[owner.pk])


def test_an_empty_high_end_makes_a_single_point(client: Browser, owner: Therapist) -> None:
    response = client.post(url(owner), change_form(owner, challenge="2", challenge_high=""))

    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.challenge, owner.challenge_high) == (2, 2)


def test_a_range_is_kept(client: Browser, owner: Therapist) -> None:
    response = client.post(url(owner), change_form(owner, challenge="2", challenge_high="4"))

    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.challenge, owner.challenge_high) == (2, 4)


def test_a_range_too_wide_is_a_message_and_changes_nothing(client: Browser, owner: Therapist) -> None:
    response = client.post(url(owner), change_form(owner, challenge="1", challenge_high="7"))

    assert response.status_code == 200
    assert "Give both ends of the range, low end first, from 1 to 7 and at most 2 apart" in response.content.decode()
    owner.refresh_from_db()
    assert (owner.challenge, owner.challenge_high) == (4, 4)
