"""When a therapist's own edit sends their published profile back to verification, the admin history says so
and names exactly the checked details that changed; an edit that changed none of them writes nothing."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests.factories import about_step_post, make_staff, make_therapist_user

pytestmark = pytest.mark.django_db

PREFIX = "Sent back to verification by the therapist's own edit: "


@pytest.fixture
def robin(client: Browser) -> Therapist:
    therapist = make_therapist_user(
        "robin", name="Robin Hale", credentials="LCSW", license_number="LIC-1", states=("CA", "NV"), bio="Old bio."
    )
    client.force_login(therapist.user)
    return therapist


def save_about(client: Browser, therapist: Therapist, **change: object) -> None:
    url = reverse("profiles:edit_step", args=[therapist.pk, "about"])
    response = client.post(url, about_step_post(therapist, **change))
    assert response.status_code == 302, response.content.decode()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        pytest.param({"name": "Robin Hale-Park"}, "name", id="name"),
        pytest.param({"credentials": "LMFT"}, "credentials", id="credentials"),
        pytest.param({"license_number": "LIC-2"}, "license number", id="license number"),
        pytest.param({"licensed_states": ["CA"]}, "states", id="a state dropped"),
        pytest.param(
            {"name": "Robin Park", "license_number": "LIC-9", "licensed_states": ["CA", "NV", "OR"]},
            "name, license number, states",
            id="three at once",
        ),
        pytest.param(
            {"name": "R. Hale", "credentials": "PhD", "license_number": "X-1", "licensed_states": ["TX"]},
            "name, credentials, license number, states",
            id="all four",
        ),
        pytest.param({"credentials": "LMFT", "bio": "A new bio.", "pronouns": "she/her"}, "credentials",
                     id="with details that are not checked"),
    ],
)  # fmt: skip
def test_it_names_exactly_the_checked_details_that_changed(
    client: Browser, robin: Therapist, change: dict[str, object], named: str
) -> None:
    save_about(client, robin, **change)

    robin.refresh_from_db()
    assert robin.status == Therapist.Status.PENDING
    entry = LogEntry.objects.get()
    assert (entry.object_id, entry.user, entry.action_flag) == (str(robin.pk), robin.user, CHANGE)
    assert entry.get_change_message() == f"{PREFIX}{named}."
    assert entry.object_repr == robin.name  # the name as it is now


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"bio": "A new bio.", "pronouns": "they/them"}, id="details that are not checked"),
        pytest.param({"license_number": "  LIC-1 ", "licensed_states": ["NV", "CA"]}, id="the same license again"),
        pytest.param({}, id="nothing at all"),
    ],
)
def test_it_writes_nothing_when_no_checked_detail_changed(
    client: Browser, robin: Therapist, change: dict[str, object]
) -> None:
    save_about(client, robin, **change)

    robin.refresh_from_db()
    assert robin.status == Therapist.Status.PUBLISHED
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("status", [Therapist.Status.DRAFT, Therapist.Status.PENDING, Therapist.Status.REJECTED])
def test_it_writes_nothing_for_a_profile_that_was_not_published(client: Browser, status: str) -> None:
    sam = make_therapist_user("sam", status=status, license_number="LIC-1")
    client.force_login(sam.user)

    save_about(client, sam, name="Sam Newname", license_number="LIC-2")

    sam.refresh_from_db()
    assert (sam.status, sam.name) == (status, "Sam Newname")
    assert not LogEntry.objects.exists()


def test_the_admin_history_page_shows_it(client: Browser, robin: Therapist) -> None:
    save_about(client, robin, license_number="LIC-2")
    client.force_login(make_staff("curator"))

    html = client.get(reverse("admin:profiles_therapist_history", args=[robin.pk])).content.decode()

    # The apostrophe as the page escapes it.
    assert "Sent back to verification by the therapist&#x27;s own edit: license number." in html
