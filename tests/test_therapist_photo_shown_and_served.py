"""A therapist's photo shows on their results card, and uploaded files are served by Django in development."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import clear_url_caches, reverse

from profiles.models import Therapist
from tests.factories import image_bytes, make_client, make_therapist

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def with_photo(therapist: Therapist) -> Therapist:
    therapist.photo = SimpleUploadedFile("dana.png", image_bytes(), content_type="image/png")
    therapist.save()
    return therapist


def card(html: str, pk: int) -> str:
    start = html.index(f'<article aria-labelledby="therapist-{pk}"')
    return html[start : html.index("</article>", start)]


def test_a_results_card_shows_the_photo_and_otherwise_the_initials(client: Browser) -> None:
    dana = with_photo(make_therapist(name="Dana Exact", license_number="A"))
    blake = make_therapist(name="Blake Young", license_number="B")
    _, token = make_client()

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    # The name is right next to the picture, so it is decorative and has an empty alt.
    assert f'src="{dana.photo.url}" alt=""' in card(html, dana.pk)
    assert ">DE</div>" not in card(html, dana.pk)
    assert '<div class="avatar" aria-hidden="true">BY</div>' in card(html, blake.pk)
    assert "<img" not in card(html, blake.pk)


@pytest.fixture
def urls_with_debug(settings: Any) -> Any:
    """Load matchmaker.urls again as a development server would, with DEBUG on; then as it was."""
    import matchmaker.urls

    def load(debug: bool) -> None:
        settings.DEBUG = debug
        importlib.reload(matchmaker.urls)
        clear_url_caches()

    yield load
    load(False)


@pytest.mark.parametrize(("debug", "status"), [(True, 200), (False, 404)])
def test_uploaded_photos_are_served_only_in_development(
    client: Browser, media: Path, urls_with_debug: Any, debug: bool, status: int
) -> None:
    dana = with_photo(make_therapist(name="Dana Exact"))
    urls_with_debug(debug)

    response = client.get(dana.photo.url)

    assert response.status_code == status
    if debug:
        assert b"".join(response.streaming_content) == (media / dana.photo.name).read_bytes()
