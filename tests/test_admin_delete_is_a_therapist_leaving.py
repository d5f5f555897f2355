"""Deleting a therapist in the admin is the same as the therapist leaving: the confirmation page names the
login that goes too, the photo's file goes after the commit, and clients keep their consultation requests,
under the therapist's name. A staff member's own login is never deleted with a profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from profiles.models import Listing, Therapist
from tests.factories import image_bytes, make_consultation_request, make_staff, make_therapist, make_therapist_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def curator(client: Browser) -> Any:
    user = make_staff("curator", is_superuser=True)
    client.force_login(user)
    return user


def with_photo_and_request(therapist: Therapist) -> Therapist:
    therapist.photo = SimpleUploadedFile(f"{therapist.pk}.png", image_bytes(), content_type="image/png")
    therapist.save()
    make_consultation_request(therapist, message="Could we talk?")
    return therapist


def test_the_confirmation_page_names_the_login_that_goes_too(client: Browser, curator: Any) -> None:
    robin = make_therapist_user("robin")

    html = client.get(reverse("admin:profiles_therapist_delete", args=[robin.pk])).content.decode()

    assert "Login: robin" in html
    assert "Logins: 1" in html


def test_one_deletion_takes_the_login_and_photo_and_keeps_the_requests(
    client: Browser, curator: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    robin = with_photo_and_request(make_therapist_user("robin", name="Robin Lee"))
    photo = media / robin.photo.name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:profiles_therapist_delete", args=[robin.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Therapist.objects.filter(pk=robin.pk).exists()
    assert not get_user_model().objects.filter(pk=robin.user_id).exists()
    assert not photo.exists()
    assert Listing.objects.count() == 0
    assert list(ConsultationRequest.objects.values_list("therapist_id", "therapist_name")) == [(None, "Robin Lee")]


def test_deleting_several_at_once_does_the_same_for_each(
    client: Browser, curator: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    robin = with_photo_and_request(make_therapist_user("robin", name="Robin Lee"))
    imported = with_photo_and_request(make_therapist(name="Ira Imported"))
    staying = make_therapist(name="Sam Staying")
    photos = [media / robin.photo.name, media / imported.photo.name]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:profiles_therapist_changelist"),
            {"action": "delete_selected", ACTION_CHECKBOX_NAME: [robin.pk, imported.pk], "post": "yes"},
        )

    assert response.status_code == 302
    assert list(Therapist.objects.values_list("pk", flat=True)) == [staying.pk]
    assert not get_user_model().objects.filter(pk=robin.user_id).exists()
    assert not any(photo.exists() for photo in photos)
    assert set(Listing.objects.values_list("therapist_id", flat=True)) == {staying.pk}
    names = set(ConsultationRequest.objects.values_list("therapist_id", "therapist_name"))
    assert names == {(None, "Robin Lee"), (None, "Ira Imported")}


def test_a_staff_members_login_stays_when_their_profile_goes(
    client: Browser, curator: Any, django_capture_on_commit_callbacks: Any
) -> None:
    casey = make_therapist(name="Casey Staff", user=make_staff("casey"))

    html = client.get(reverse("admin:profiles_therapist_delete", args=[casey.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:profiles_therapist_delete", args=[casey.pk]), {"post": "yes"})

    assert "Login: casey" not in html
    assert not Therapist.objects.filter(pk=casey.pk).exists()
    assert get_user_model().objects.filter(username="casey").exists()


def test_staff_who_may_not_delete_logins_cannot_delete_a_profile_with_one(client: Browser) -> None:
    robin = make_therapist_user("robin")
    helper = get_user_model().objects.create_user("helper", password="x", is_staff=True)
    helper.user_permissions.set(Permission.objects.filter(codename__in=["view_therapist", "delete_therapist"]))
    client.force_login(helper)

    client.post(reverse("admin:profiles_therapist_delete", args=[robin.pk]), {"post": "yes"})

    assert Therapist.objects.filter(pk=robin.pk).exists()
    assert get_user_model().objects.filter(pk=robin.user_id).exists()
