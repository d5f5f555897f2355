"""A profile photo must really be a JPEG, PNG or WebP picture of at most 2 MB; Pillow checks what is inside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse

from profiles.forms import PHOTO_MAX_BYTES
from profiles.models import Therapist
from tests.factories import about_step_post, image_bytes, make_therapist_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def owner(client: Browser) -> Therapist:
    therapist = make_therapist_user("robin", status=Therapist.Status.DRAFT)
    client.force_login(therapist.user)
    return therapist


def upload(client: Browser, therapist: Therapist, photo: SimpleUploadedFile) -> Any:
    url = reverse("profiles:edit_step", args=[therapist.pk, "about"])
    return client.post(url, {**about_step_post(therapist, bio="Changed alongside the photo."), "photo": photo})


@pytest.mark.parametrize(
    ("filename", "image_format", "content_type"),
    [("me.jpg", "JPEG", "image/jpeg"), ("me.png", "PNG", "image/png"), ("me.webp", "WEBP", "image/webp")],
)
def test_it_accepts_a_real_picture(
    client: Browser, owner: Therapist, media: Path, filename: str, image_format: str, content_type: str
) -> None:
    response = upload(client, owner, SimpleUploadedFile(filename, image_bytes(image_format), content_type))

    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.photo.name.startswith("therapists/")
    assert (media / owner.photo.name).read_bytes()[:4] == image_bytes(image_format)[:4]
    assert owner.bio == "Changed alongside the photo."


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        pytest.param(
            SimpleUploadedFile("me.jpg", b"%PDF-1.4 not a picture at all", "image/jpeg"),
            "This file is not a picture we can use.",
            id="text named .jpg",
        ),
        pytest.param(
            SimpleUploadedFile("me.gif", image_bytes("GIF"), "image/gif"),
            "Please choose a JPEG, PNG or WebP picture",
            id="a real GIF",
        ),
        pytest.param(
            SimpleUploadedFile("me.png", image_bytes("GIF"), "image/png"),
            "This file is not a picture we can use.",
            id="a GIF named .png",
        ),
        pytest.param(
            SimpleUploadedFile("me.png", image_bytes("PNG", (1000, 1000), noise=True), "image/png"),
            "the most we can take is 2 MB",
            id="larger than 2 MB",
        ),
    ],
)
def test_it_refuses_anything_else_with_a_message_and_saves_nothing(
    client: Browser, owner: Therapist, media: Path, photo: SimpleUploadedFile, message: str
) -> None:
    before = Therapist.objects.values().get(pk=owner.pk)

    response = upload(client, owner, photo)

    assert response.status_code == 400
    errors = response.context["form"].errors["photo"]
    assert any(message in error for error in errors), errors
    assert message.encode() in response.content
    assert Therapist.objects.values().get(pk=owner.pk) == before
    assert list(media.iterdir()) == []


def test_the_size_limit_is_two_megabytes() -> None:
    assert len(image_bytes("PNG", (1000, 1000), noise=True)) > PHOTO_MAX_BYTES == 2 * 1024 * 1024
