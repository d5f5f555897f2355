"""A therapist deletes their account and profile for good: the profile, its listing rows, its photo's file and
the login go; the consultation requests clients sent stay, with the therapist's name and no therapist; the
browser is logged out and shown a kind goodbye. A wrong password changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ConsultationRequest
from profiles.models import Listing, Therapist
from profiles.services import therapist_delete_account
from tests.factories import PASSWORD, image_bytes, make_consultation_request, make_therapist_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def robin(media: Path) -> Therapist:
    therapist = make_therapist_user("robin", name="Robin Lee", states=("CA", "NY"))
    therapist.photo = SimpleUploadedFile("robin.png", image_bytes(), content_type="image/png")
    therapist.save()
    make_consultation_request(therapist, name="Jordan", therapist_name="Robin Lee", message="Hello Robin.")
    make_consultation_request(therapist, name="Kim", message="Are you taking new clients?")  # an older row, no name
    return therapist


def delete(client: Browser, password: str, capture: Any) -> Any:
    with capture(execute=True):
        return client.post(reverse("profiles:delete_account"), {"password": password})


def test_the_page_says_what_goes_and_what_stays(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)

    html = client.get(reverse("profiles:delete_account")).content.decode()

    for words in (
        "Your profile: everything you wrote",
        "Your listing: clients will no longer find you",
        "Your photo, the picture you uploaded",
        "Your account and your login: you will not be able to log in with robin@example.com any more.",
        "The consultation requests clients sent you (2) stay readable for the clients who wrote them",
        "with a note that this therapist has left Matchmaker",
    ):
        assert words in html
    assert '<form method="post"' in html and 'name="password"' in html


def test_it_deletes_everything_but_the_requests_and_logs_out(
    client: Browser, robin: Therapist, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    photo = media / robin.photo.name
    assert photo.exists() and Listing.objects.filter(therapist=robin).count() == 2
    client.force_login(robin.user)

    response = delete(client, PASSWORD, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:account_deleted")
    assert not Therapist.objects.filter(pk=robin.pk).exists()
    assert not get_user_model().objects.filter(pk=robin.user_id).exists()
    assert Listing.objects.count() == 0
    assert not photo.exists()
    kept = list(ConsultationRequest.objects.order_by("name").values_list("name", "therapist_id", "therapist_name"))
    assert kept == [("Jordan", None, "Robin Lee"), ("Kim", None, "Robin Lee")]
    assert "_auth_user_id" not in client.session
    goodbye = client.get(response["Location"])
    assert "<h1>Your account is deleted</h1>" in goodbye.content.decode()
    assert client.get(reverse("profiles:dashboard")).status_code == 302  # to the login page


def test_the_old_login_no_longer_works(
    client: Browser, robin: Therapist, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(robin.user)
    delete(client, PASSWORD, django_capture_on_commit_callbacks)

    response = Browser().post(reverse("login"), {"username": "robin", "password": PASSWORD})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_a_wrong_password_changes_nothing_and_says_so_next_to_the_field(
    client: Browser, robin: Therapist, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(robin.user)

    response = delete(client, "not my password", django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "password": ["That is not your current password. Please type it again; capitals matter here."]
    }
    assert "Nothing has been deleted." in response.content.decode()
    assert Therapist.objects.filter(pk=robin.pk, user_id=robin.user_id).exists()
    assert Listing.objects.filter(therapist=robin).count() == 2
    assert (media / robin.photo.name).exists()
    assert ConsultationRequest.objects.filter(therapist=robin).count() == 2
    assert client.get(reverse("profiles:account")).status_code == 200  # still logged in


def test_the_photo_stays_when_the_deletion_does_not_commit(
    robin: Therapist, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                therapist_delete_account(therapist=robin)
                raise RuntimeError("the database refused")
        except RuntimeError:
            pass

    assert (media / robin.photo.name).exists()
    assert Therapist.objects.filter(pk=robin.pk).exists()


def test_deleting_twice_is_the_same_as_deleting_once(robin: Therapist, django_capture_on_commit_callbacks: Any) -> None:
    stale_copy = Therapist.objects.get(pk=robin.pk)  # as a second click, loaded before the first one committed
    with django_capture_on_commit_callbacks(execute=True):
        therapist_delete_account(therapist=robin)
        therapist_delete_account(therapist=stale_copy)

    assert not Therapist.objects.filter(pk=robin.pk).exists()
    assert ConsultationRequest.objects.filter(therapist_name="Robin Lee").count() == 2
