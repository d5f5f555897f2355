"""Staff who may only view therapists are not offered the curation actions, and a forged POST changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

ACTIONS = ("approve", "reject", "unpublish")


@pytest.fixture
def viewer(client: Browser) -> None:
    user = factories.make_user("viewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_therapist"))
    client.force_login(user)


def snapshot() -> list[tuple[int, str, str, object]]:
    return list(Therapist.objects.order_by("pk").values_list("pk", "status", "status_reason", "verified_at"))


def test_it_does_not_offer_the_actions_to_view_only_staff(client: Browser, viewer: None) -> None:
    therapist = factories.make_therapist(name="Priya Shah", status=Therapist.Status.PENDING)

    for url in (
        reverse("admin:profiles_therapist_changelist"),
        reverse("admin:profiles_therapist_change", args=[therapist.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for action in ACTIONS:
            assert f'value="{action}"' not in html, (url, action)


def test_a_forged_post_from_view_only_staff_changes_nothing(client: Browser, viewer: None) -> None:
    pending = factories.make_therapist(name="Priya Shah", status=Therapist.Status.PENDING)
    published = factories.make_therapist(name="Sam Lee", license_number="LIC-2")
    selected = [pending.pk, published.pk]
    changelist = reverse("admin:profiles_therapist_changelist")
    posts = [
        (changelist, {"action": "approve", "_selected_action": selected}),
        (changelist, {"action": "reject", "_selected_action": selected, "confirm": "yes", "reason": "No."}),
        (changelist, {"action": "unpublish", "_selected_action": selected}),
        (
            reverse("admin:profiles_therapist_change", args=[pending.pk]),
            {"change_form-action": "approve", "_selected_action": [pending.pk]},
        ),
    ]
    before, log_count = snapshot(), LogEntry.objects.count()

    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code in (200, 302, 403), (url, data)

    assert snapshot() == before
    assert LogEntry.objects.count() == log_count
