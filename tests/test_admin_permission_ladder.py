"""Every curation page: anonymous visitors and therapists are sent to the admin login,
staff without permissions are refused, curators get in."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def therapist() -> Therapist:
    return factories.make_therapist(name="Priya Shah", status=Therapist.Status.PENDING)


def staff_pages(therapist: Therapist) -> list[str]:
    return [
        reverse("admin:profiles_therapist_changelist"),
        reverse("admin:profiles_therapist_change", args=[therapist.pk]),
        reverse("admin:profiles_therapist_import"),
        reverse("admin:profiles_therapist_export"),
        reverse("coverage"),
        reverse("admin:profiles_therapist_stale"),
    ]


def log_in_as_therapist(browser: Browser) -> None:
    user = factories.make_user("robin")
    factories.make_therapist(name="Robin Self", user=user, license_number="LIC-9")
    browser.force_login(user)


def test_it_sends_anonymous_visitors_to_the_admin_login(client: Browser, therapist: Therapist) -> None:
    for url in staff_pages(therapist):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_it_sends_a_therapist_without_staff_status_to_the_admin_login(client: Browser, therapist: Therapist) -> None:
    log_in_as_therapist(client)
    for url in staff_pages(therapist):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_it_refuses_staff_without_permission_on_therapists(client: Browser, therapist: Therapist) -> None:
    client.force_login(factories.make_user("helper", is_staff=True))
    for url in staff_pages(therapist):
        assert client.get(url).status_code == 403, url


def test_it_lets_curators_in(client: Browser, therapist: Therapist) -> None:
    client.force_login(factories.make_staff("curator"))
    for url in staff_pages(therapist):
        assert client.get(url).status_code == 200, url


def test_posts_from_people_who_are_not_curators_change_nothing(client: Browser, therapist: Therapist) -> None:
    changelist = reverse("admin:profiles_therapist_changelist")
    csv = "id,name,status,license_number,licensed_states\n,Nina New,pending,LIC-5,CA\n"
    posts = [
        (changelist, {"action": "approve", "_selected_action": [therapist.pk]}),
        (changelist, {"action": "reject", "_selected_action": [therapist.pk], "confirm": "yes", "reason": "No."}),
        (
            reverse("admin:profiles_therapist_import"),
            {"format": "0", "import_file": SimpleUploadedFile("t.csv", csv.encode(), content_type="text/csv")},
        ),
        (
            reverse("admin:profiles_therapist_process_import"),
            {"import_file_name": "x", "original_file_name": "t.csv", "format": "0"},
        ),
        (reverse("admin:profiles_therapist_change", args=[therapist.pk]), {"name": "Changed"}),
    ]
    for who in ("anonymous", "therapist"):
        if who == "therapist":
            log_in_as_therapist(client)
        for url, data in posts:
            response = client.post(url, data)
            assert response.status_code == 302, (who, url)
            assert response["Location"].startswith(reverse("admin:login")), (who, url)

    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PENDING
    assert therapist.name == "Priya Shah"
    assert not Therapist.objects.filter(name="Nina New").exists()
    assert not LogEntry.objects.exists()
