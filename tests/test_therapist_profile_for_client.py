"""A therapist's profile: all six scales, next to the client's answers on their link, without them in public."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.dimensions import DIMENSIONS
from matchmaker.scoring import describe_point
from profiles.models import Therapist
from tests.factories import image_bytes, make_client, make_therapist

pytestmark = pytest.mark.django_db


def profile(client: Browser, token: str, therapist: Therapist) -> str:
    response = client.get(reverse("questionnaire:therapist_for_client", args=[token, therapist.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def dana() -> Therapist:
    return make_therapist(
        name="Dana Exact",
        credentials="PhD",
        license_number="PSY-12345",
        states=("CA", "OR"),
        concerns=("grief", "anxiety"),
        bio="I work with adults going through loss.",
        verified_at=timezone.datetime(2025, 3, 14, tzinfo=timezone.UTC),
        directness=6,
        approach=2,
        directness_note="I will tell you what I notice, kindly.",
    )


def test_it_shows_all_six_scales_with_the_clients_point_only_where_given(client: Browser, dana: Therapist) -> None:
    _, token = make_client(directness_point=7, directness_importance=3, approach_point=2, approach_importance=1)

    html = profile(client, token, dana)

    assert html.count('<figure class="track') == len(DIMENSIONS)
    assert html.count('class="track-therapist') == len(DIMENSIONS) + 1  # one more in the legend
    assert html.count('class="track-client') == 2 + 1
    assert '<span class="track-client at-7">' in html and '<span class="track-client at-2">' in html
    for dimension in DIMENSIONS:
        point = getattr(dana, dimension.key)
        assert f'<span class="track-therapist at-{point}">' in html
        assert f"They are at {point} of 7, {describe_point(dimension.key, point)}." in html
    assert "You asked for 7 of 7, very direct; this matters a lot to you." in html
    assert "I will tell you what I notice, kindly." in html


def test_it_shows_license_verification_practical_details_and_concerns(client: Browser, dana: Therapist) -> None:
    _, token = make_client()

    html = profile(client, token, dana)

    for expected in ("PhD", "PSY-12345", "California, Oregon", "14 March 2025", "Grief and loss", "Anxiety", "loss."):
        assert expected in html, expected
    assert f"${dana.fee} a session" in html


def test_it_offers_the_clients_actions(client: Browser, dana: Therapist) -> None:
    _, token = make_client()

    html = profile(client, token, dana)

    for name in ("shortlist_add", "set_aside", "request_consultation"):
        assert reverse(f"questionnaire:{name}", args=[token, dana.pk]) in html, name


def test_the_public_profile_has_no_client_markers_and_no_actions(client: Browser, dana: Therapist) -> None:
    response = client.get(reverse("questionnaire:therapist", args=[dana.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<figure class="track') == len(DIMENSIONS)
    assert 'class="track-client' not in html
    assert "You asked for" not in html
    assert "<form" not in html.split("<main", 1)[1]
    assert "I will tell you what I notice, kindly." in html


def test_an_unpublished_or_missing_therapist_is_not_found(client: Browser) -> None:
    hidden = make_therapist(status=Therapist.Status.PENDING)
    _, token = make_client()

    assert client.get(reverse("questionnaire:therapist_for_client", args=[token, hidden.pk])).status_code == 404
    assert client.get(reverse("questionnaire:therapist_for_client", args=[token, hidden.pk + 9])).status_code == 404
    assert client.get(reverse("questionnaire:therapist", args=[hidden.pk])).status_code == 404


def test_it_shows_a_photo_when_there_is_one_and_initials_otherwise(
    client: Browser, dana: Therapist, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    _, token = make_client()
    assert re.search(r'<div class="avatar avatar-lg" aria-hidden="true">DE</div>', profile(client, token, dana))

    dana.photo = SimpleUploadedFile("dana.png", image_bytes(), content_type="image/png")
    dana.save()

    html = profile(client, token, dana)
    assert f'src="{dana.photo.url}"' in html
    assert dana.photo.url.startswith("/")  # served by this site, never another host
