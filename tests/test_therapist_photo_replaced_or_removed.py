"""Replacing or removing a profile photo deletes the old file; saving without touching it keeps it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse

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


def save_about(client: Browser, therapist: Therapist, capture: Any, **fields: Any) -> Any:
    url = reverse("profiles:edit_step", args=[therapist.pk, "about"])
    with capture(execute=True):
        response = client.post(url, about_step_post(therapist, **fields))
    therapist.refresh_from_db()
    return response


def photo(name: str = "me.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes("PNG"), "image/png")


def test_a_new_photo_replaces_the_old_file(
    client: Browser, owner: Therapist, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    save_about(client, owner, django_capture_on_commit_callbacks, photo=photo("first.png"))
    first = media / owner.photo.name
    assert first.exists()

    response = save_about(client, owner, django_capture_on_commit_callbacks, photo=photo("second.png"))

    assert response.status_code == 302
    second = media / owner.photo.name
    assert second != first and second.exists()
    assert not first.exists()
    assert sorted(media.rglob("*.png")) == [second]


def test_removing_the_photo_deletes_its_file(
    client: Browser, owner: Therapist, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    save_about(client, owner, django_capture_on_commit_callbacks, photo=photo())
    old = media / owner.photo.name
    assert old.exists()

    response = save_about(client, owner, django_capture_on_commit_callbacks, **{"photo-clear": "on"})

    assert response.status_code == 302
    assert not owner.photo
    assert not old.exists()
    assert list(media.rglob("*.png")) == []


def test_saving_other_details_keeps_the_photo(
    client: Browser, owner: Therapist, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    save_about(client, owner, django_capture_on_commit_callbacks, photo=photo())
    kept = owner.photo.name

    save_about(client, owner, django_capture_on_commit_callbacks, bio="A new bio, same photo.")

    assert owner.bio == "A new bio, same photo."
    assert owner.photo.name == kept
    assert (media / kept).exists()


def test_a_refused_new_photo_leaves_the_old_one_in_place(
    client: Browser, owner: Therapist, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    save_about(client, owner, django_capture_on_commit_callbacks, photo=photo())
    kept = owner.photo.name

    not_a_picture = SimpleUploadedFile("me.png", b"not a picture", "image/png")
    response = save_about(client, owner, django_capture_on_commit_callbacks, photo=not_a_picture)

    assert response.status_code == 400
    assert owner.photo.name == kept
    assert (media / kept).exists()
