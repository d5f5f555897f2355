"""A photo more than 4,000 pixels on a side is refused next to the field, from its header alone."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse
from PIL import Image

from profiles.models import Therapist
from tests.factories import about_step_post, image_bytes, make_therapist_user

pytestmark = pytest.mark.django_db

MESSAGE = "the most we can take is 4000 pixels on a side"


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def blank_png(width: int, height: int) -> bytes:
    """A valid black-and-white PNG of any size, built row by row so that it never sits in memory whole."""
    compressor = zlib.compressobj(9)
    row = b"\0" * (1 + (width + 7) // 8)  # filter byte, then one bit a pixel
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", pixels) + png_chunk(b"IEND", b"")


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def owner(client: Browser) -> Therapist:
    therapist = make_therapist_user("robin", status=Therapist.Status.DRAFT)
    client.force_login(therapist.user)
    return therapist


def upload(client: Browser, therapist: Therapist, content: bytes) -> Any:
    url = reverse("profiles:edit_step", args=[therapist.pk, "about"])
    photo = SimpleUploadedFile("me.png", content, "image/png")
    return client.post(url, {**about_step_post(therapist, bio="Changed alongside the photo."), "photo": photo})


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(image_bytes("PNG", (4001, 1)), id="4001 wide"),
        pytest.param(blank_png(12_000, 12_000), id="12000 by 12000"),
        pytest.param(blank_png(20_000, 20_000), id="20000 by 20000, which Pillow calls a decompression bomb"),
    ],
)
def test_it_refuses_a_photo_too_large_on_a_side_and_saves_nothing(
    client: Browser, owner: Therapist, media: Path, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(content) < 2 * 1024 * 1024
    before = Therapist.objects.values().get(pk=owner.pk)
    # Only the header may be read: decoding the pixels of such a picture is what is refused.
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("the pixels were decoded"))

    response = upload(client, owner, content)

    assert response.status_code == 400
    errors = response.context["form"].errors["photo"]
    assert any(MESSAGE in error for error in errors), errors
    assert MESSAGE.encode() in response.content
    assert Therapist.objects.values().get(pk=owner.pk) == before
    assert list(media.iterdir()) == []


def test_it_takes_a_photo_of_exactly_4000_pixels_on_a_side(client: Browser, owner: Therapist) -> None:
    response = upload(client, owner, image_bytes("PNG", (4000, 1)))

    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.photo.name.startswith("therapists/")


def test_a_picture_pillow_calls_a_decompression_bomb_is_refused_with_a_message(
    client: Browser, owner: Therapist, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)

    response = upload(client, owner, image_bytes("PNG", (400, 400)))

    assert response.status_code == 400
    assert any("far too many pixels" in error for error in response.context["form"].errors["photo"])
