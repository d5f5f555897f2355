"""The about step shows the current photo as a small picture with alt text, not as a file path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests.factories import image_bytes, make_therapist_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_it_shows_the_current_photo_as_a_thumbnail_with_alt_text(client: Browser) -> None:
    robin = make_therapist_user("robin", status=Therapist.Status.DRAFT)
    robin.photo = SimpleUploadedFile("robin-face.png", image_bytes(), content_type="image/png")
    robin.save()
    client.force_login(robin.user)

    html = client.get(reverse("profiles:edit_step", args=[robin.pk, "about"])).content.decode()

    assert f'src="{robin.photo.url}" alt="Your current photo"' in html
    assert '<label class="form-check-label" for="photo-clear_id">Remove this photo</label>' in html
    assert f">{robin.photo.name}<" not in html


def test_it_shows_no_picture_and_no_remove_box_without_a_photo(client: Browser) -> None:
    robin = make_therapist_user("robin", status=Therapist.Status.DRAFT)
    client.force_login(robin.user)

    html = client.get(reverse("profiles:edit_step", args=[robin.pk, "about"])).content.decode()

    assert "Your current photo" not in html
    assert "photo-clear" not in html
    assert 'type="file" name="photo"' in html
