"""Curators can tell made-up demo therapists from real ones in the admin list."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_it_lists_only_synthetic_therapists_when_filtered(client: Browser) -> None:
    factories.make_therapist(name="Dana Real")
    factories.make_therapist(name="Sam Made-Up", is_synthetic=True)
    client.force_login(factories.make_staff())
    changelist = reverse("admin:profiles_therapist_changelist")

    page = client.get(changelist).content.decode()
    synthetic = client.get(changelist, {"is_synthetic__exact": "1"}).content.decode()

    assert "By Synthetic (demo data)" in page
    assert "Sam Made-Up" in synthetic
    assert "Dana Real" not in synthetic
