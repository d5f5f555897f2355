"""The therapist changelist, the stale page and the export run the same number of queries for any directory size."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import CheckIn
from tests import factories

pytestmark = pytest.mark.django_db


def add_therapists(count: int, start: int) -> None:
    stale = timezone.now() - datetime.timedelta(days=90)
    for index in range(start, start + count):
        therapist = factories.make_therapist(
            name=f"Therapist {index}",
            user=get_user_model().objects.create(username=f"t{index}", email=f"t{index}@example.com"),
            states=("CA", "NY"),
            availability_confirmed_at=stale,
        )
        client, _token = factories.make_client()
        CheckIn.objects.create(
            client=client, therapist=therapist, bond=3, goals=3, tasks=3, again="yes", felt_right=True
        )


@pytest.mark.parametrize(
    ("name", "method", "data"),
    [
        ("admin:profiles_therapist_changelist", "get", {}),
        ("admin:profiles_therapist_changelist", "get", {"status__exact": "pending"}),
        ("admin:profiles_therapist_stale", "get", {}),
        ("admin:profiles_therapist_export", "post", {"format": "0"}),
    ],
)
def test_it_runs_a_fixed_number_of_queries(client: Browser, name: str, method: str, data: dict[str, str]) -> None:
    client.force_login(factories.make_staff("curator"))
    url = reverse(name)
    add_therapists(2, 0)
    with CaptureQueriesContext(connection) as few:
        assert getattr(client, method)(url, data).status_code == 200
    add_therapists(10, 2)
    with CaptureQueriesContext(connection) as many:
        assert getattr(client, method)(url, data).status_code == 200

    assert len(many) == len(few)


@pytest.mark.parametrize("data", [{"format": "9"}, {"format": "csv"}, {}])
def test_a_tampered_export_request_is_refused_without_failing(client: Browser, data: dict[str, object]) -> None:
    client.force_login(factories.make_staff("curator"))
    factories.make_therapist()

    response = client.post(reverse("admin:profiles_therapist_export"), data)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
