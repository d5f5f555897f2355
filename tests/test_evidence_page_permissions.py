"""The evidence page and its CSV need a staff account with the right to read check-ins."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_followed_up_request, make_therapist, make_user

pytestmark = pytest.mark.django_db

PAGES = ["evidence", "evidence_csv"]


def staff(username: str, *permissions: str):
    user = make_user(username, is_staff=True)
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename, content_type__app_label="alliance"))
    return user


@pytest.fixture(autouse=True)
def some_evidence() -> None:
    make_followed_up_request(make_therapist(), fit=80.0, bond=3, goals=3, tasks=3)


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_the_admin_login(client: Browser, name: str) -> None:
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("name", PAGES)
def test_a_logged_in_non_staff_user_is_sent_to_the_admin_login(client: Browser, name: str) -> None:
    client.force_login(make_user("robin"))

    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("name", PAGES)
def test_staff_without_the_right_to_read_check_ins_are_refused(client: Browser, name: str) -> None:
    client.force_login(staff("curator", "view_consultationrequest"))

    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_staff_who_may_read_check_ins_see_it(client: Browser, name: str) -> None:
    client.force_login(staff("researcher", "view_checkin"))

    response = client.get(reverse(name))

    assert response.status_code == 200


def test_the_admin_home_links_to_it_only_for_those_who_may_read_it(client: Browser) -> None:
    client.force_login(staff("curator"))
    assert reverse("evidence") not in client.get(reverse("admin:index")).content.decode()

    client.force_login(staff("researcher", "view_checkin"))
    assert reverse("evidence") in client.get(reverse("admin:index")).content.decode()


def test_only_get_is_allowed(client: Browser) -> None:
    client.force_login(staff("researcher", "view_checkin"))

    assert client.post(reverse("evidence")).status_code == 405
