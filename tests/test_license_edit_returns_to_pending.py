"""Changing the license of a published profile sends it back for verification; style, bio and fees change live."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests.factories import about_step_post, make_therapist_user, practice_step_post, style_step_post

pytestmark = pytest.mark.django_db

SENT_BACK = "Your name, credentials or license details changed, so your profile is back with our team"


@pytest.fixture
def published(client: Browser) -> Therapist:
    therapist = make_therapist_user("robin", license_number="LIC-1", states=("CA",), bio="Old bio.", fee=120)
    client.force_login(therapist.user)
    return therapist


def about_url(therapist: Therapist) -> str:
    return reverse("profiles:edit_step", args=[therapist.pk, "about"])


def messages_of(response: object) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]  # type: ignore[attr-defined]


def test_the_about_step_warns_before_saving(client: Browser, published: Therapist) -> None:
    response = client.get(about_url(published))
    text = " ".join(response.content.decode().split())
    assert "your license number or your states, it goes back to our team" in text


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"license_number": "LIC-2"}, id="license number"),
        pytest.param({"licensed_states": ["CA", "NV"]}, id="a state added"),
        pytest.param({"licensed_states": ["NV"]}, id="a state swapped"),
    ],
)
def test_a_license_change_sends_a_published_profile_back_to_pending(
    client: Browser, published: Therapist, change: dict[str, object]
) -> None:
    response = client.post(about_url(published), about_step_post(published, **change))

    assert response.status_code == 302
    assert any(SENT_BACK in message for message in messages_of(response))
    published.refresh_from_db()
    assert published.status == Therapist.Status.PENDING
    assert published.submitted_at is not None
    assert not Therapist.objects.published().filter(pk=published.pk).exists()
    # The public page is closed until the profile is verified again.
    assert client.get(reverse("questionnaire:therapist", args=[published.pk])).status_code == 404


def test_the_same_license_typed_again_keeps_the_profile_published(client: Browser, published: Therapist) -> None:
    response = client.post(about_url(published), about_step_post(published, bio="A new bio."))

    assert response.status_code == 302
    assert not any(SENT_BACK in message for message in messages_of(response))
    published.refresh_from_db()
    assert published.status == Therapist.Status.PUBLISHED
    assert published.bio == "A new bio."


def test_style_and_fees_change_live(client: Browser, published: Therapist) -> None:
    client.post(reverse("profiles:edit_step", args=[published.pk, "practice"]), practice_step_post(published, fee="80"))
    client.post(reverse("profiles:edit_step", args=[published.pk, "style"]), style_step_post(published, challenge="7"))

    published.refresh_from_db()
    assert (published.status, published.fee, published.challenge) == (Therapist.Status.PUBLISHED, 80, 7)


@pytest.mark.parametrize("status", [Therapist.Status.DRAFT, Therapist.Status.PENDING, Therapist.Status.REJECTED])
def test_a_license_change_before_publication_keeps_the_status(client: Browser, status: str) -> None:
    therapist = make_therapist_user("sam", status=status, license_number="LIC-1")
    client.force_login(therapist.user)

    client.post(about_url(therapist), about_step_post(therapist, license_number="LIC-9"))

    therapist.refresh_from_db()
    assert (therapist.status, therapist.license_number) == (status, "LIC-9")
