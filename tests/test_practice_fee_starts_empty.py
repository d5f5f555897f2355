"""A new profile's fee starts empty in the editor, not at a made-up $120, and is needed before submitting."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from profiles.services import therapist_sign_up
from tests.factories import PASSWORD, make_therapist_user, practice_step_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(client: Browser) -> Therapist:
    therapist = therapist_sign_up(name="Robin Lee", email="robin@example.com", password=PASSWORD, site_url="")
    assert therapist is not None and therapist.user is not None
    therapist.user.is_active = True  # as following the emailed link does
    therapist.user.save()
    client.force_login(therapist.user)
    return therapist


def practice(therapist: Therapist) -> str:
    return reverse("profiles:edit_step", args=[therapist.pk, "practice"])


def fee_input(html: str) -> str:
    start = html.index('name="fee"')
    return html[html.rindex("<input", 0, start) : html.index(">", start)]


def test_a_new_profile_shows_an_empty_fee(client: Browser, newcomer: Therapist) -> None:
    assert newcomer.fee is None

    html = client.get(practice(newcomer)).content.decode()

    assert "value=" not in fee_input(html)


def test_saving_the_practice_step_without_a_fee_says_what_to_enter(
    client: Browser, newcomer: Therapist, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(practice(newcomer), practice_step_post(newcomer, fee=""))

    assert response.status_code == 400
    assert "Please enter your fee per session in whole dollars, like 120." in response.content.decode()
    newcomer.refresh_from_db()
    assert newcomer.fee is None


def test_a_profile_without_a_fee_cannot_be_submitted_yet(newcomer: Therapist) -> None:
    assert "your fee per session" in newcomer.missing_for_submission()


def test_a_saved_fee_is_kept_and_shown(client: Browser) -> None:
    robin = make_therapist_user("robin", status=Therapist.Status.DRAFT, fee=95)
    client.force_login(robin.user)

    assert 'value="95"' in fee_input(client.get(practice(robin)).content.decode())
    assert "your fee per session" not in robin.missing_for_submission()
