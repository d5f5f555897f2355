"""Therapists log in with their email address however they type its case; sign-up stores it in lower case."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from profiles.services import therapist_sign_up
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def robin() -> Therapist:
    therapist = therapist_sign_up(
        name="Robin Lee", email="Robin@Example.com", password=PASSWORD, site_url="http://testserver"
    )
    assert therapist is not None and therapist.user is not None
    therapist.user.is_active = True  # as following the emailed link does
    therapist.user.save()
    return therapist


@pytest.mark.parametrize(
    "typed", ["robin@example.com", "Robin@Example.com", "ROBIN@EXAMPLE.COM", " robin@example.com "]
)
def test_it_logs_in_with_the_email_address_in_any_case(client: Browser, robin: Therapist, typed: str) -> None:
    assert robin.user is not None and robin.user.username == "robin@example.com"

    response = client.post(reverse("login"), {"username": typed, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:dashboard")
    assert int(client.session["_auth_user_id"]) == robin.user.pk


def test_a_wrong_password_is_still_refused_and_what_was_typed_is_kept(client: Browser, robin: Therapist) -> None:
    response = client.post(reverse("login"), {"username": "Robin@Example.com", "password": "not the password"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].non_field_errors()
    assert 'value="Robin@Example.com"' in response.content.decode()
