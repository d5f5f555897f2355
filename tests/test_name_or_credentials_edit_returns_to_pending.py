"""A published therapist who changes their name or credentials goes back to verification, and is told so first."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests.factories import about_step_post, make_therapist_user

pytestmark = pytest.mark.django_db

SENT_BACK = "Your name, credentials or license details changed, so your profile is back with our team"
WARNED = "If you change your name, your credentials, your license number or your states, it goes back to our team"


@pytest.fixture
def published(client: Browser) -> Therapist:
    therapist = make_therapist_user("robin", name="Robin Hale", credentials="LCSW", license_number="LIC-1")
    client.force_login(therapist.user)
    return therapist


def about_url(therapist: Therapist) -> str:
    return reverse("profiles:edit_step", args=[therapist.pk, "about"])


def test_the_editor_says_before_saving_that_a_name_or_credentials_change_is_checked_again(
    client: Browser, published: Therapist
) -> None:
    html = " ".join(client.get(about_url(published)).content.decode().split())
    assert WARNED in html
    assert "hidden from clients’ matches" in html


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"name": "Dr. Robin Hale"}, id="name"),
        pytest.param({"credentials": "MD, PhD, Board-certified psychiatrist"}, id="credentials"),
    ],
)
def test_it_sends_a_published_profile_back_to_pending_and_off_its_public_page(
    client: Browser, published: Therapist, change: dict[str, str]
) -> None:
    response = client.post(about_url(published), about_step_post(published, **change))

    assert response.status_code == 302
    assert any(SENT_BACK in str(message) for message in get_messages(response.wsgi_request))
    published.refresh_from_db()
    assert published.status == Therapist.Status.PENDING
    for field, value in change.items():
        assert getattr(published, field) == value
    assert client.get(reverse("questionnaire:therapist", args=[published.pk])).status_code == 404


def test_the_same_name_and_credentials_saved_again_keep_it_published(client: Browser, published: Therapist) -> None:
    client.post(about_url(published), about_step_post(published, pronouns="they/them"))

    published.refresh_from_db()
    assert (published.status, published.pronouns) == (Therapist.Status.PUBLISHED, "they/them")
