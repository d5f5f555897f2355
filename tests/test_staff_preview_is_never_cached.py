"""Staff's preview of an unpublished profile is kept out of every cache and search index,
though the same address is a public page that may be cached once the profile is published."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db


def directives(response: Any) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture
def viewer(client: Browser) -> Browser:
    client.force_login(factories.make_staff_with("view_therapist"))
    return client


@pytest.mark.parametrize("status", [Therapist.Status.PENDING, Therapist.Status.DRAFT, Therapist.Status.REJECTED])
def test_the_staff_preview_is_no_store_private_and_noindex(viewer: Browser, status: str) -> None:
    therapist = factories.make_therapist(name="Robin Pending", status=status)

    response = viewer.get(reverse("questionnaire:therapist", args=[therapist.pk]))

    assert response.status_code == 200
    assert {"no-store", "private"} <= directives(response)
    assert response.headers["X-Robots-Tag"] == "noindex"


def test_a_published_profile_stays_a_public_page(viewer: Browser) -> None:
    therapist = factories.make_therapist(name="Pat Published")
    url = reverse("questionnaire:therapist", args=[therapist.pk])

    for response in (viewer.get(url), Browser().get(url)):
        assert response.status_code == 200
        assert "no-store" not in directives(response)
        assert "X-Robots-Tag" not in response.headers
