"""The replies page and its two CSV files need a staff account with the right to view therapists."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_consultation_request, make_therapist, make_user

pytestmark = pytest.mark.django_db

PAGES = ["replies", "replies_therapists_csv", "replies_states_csv"]


def staff(username: str, *permissions: tuple[str, str]):
    user = make_user(username, is_staff=True)
    for app_label, codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename, content_type__app_label=app_label))
    return user


@pytest.fixture(autouse=True)
def a_request() -> None:
    make_consultation_request(make_therapist(), asked_state="CA")


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
def test_staff_without_the_right_to_view_therapists_are_refused(client: Browser, name: str) -> None:
    client.force_login(staff("researcher", ("alliance", "view_checkin"), ("alliance", "view_consultationrequest")))

    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_staff_who_may_view_therapists_see_it(client: Browser, name: str) -> None:
    client.force_login(staff("curator", ("profiles", "view_therapist")))

    response = client.get(reverse(name))

    assert response.status_code == 200


def test_the_admin_home_links_to_it_only_for_those_who_may_read_it(client: Browser) -> None:
    link = f'<a href="{reverse("replies")}">Replies: who answers the people who write</a>'
    client.force_login(staff("researcher", ("alliance", "view_checkin")))
    assert link not in client.get(reverse("admin:index")).content.decode()

    client.force_login(staff("curator", ("profiles", "view_therapist")))
    assert link in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_only_get_is_allowed(client: Browser, name: str) -> None:
    client.force_login(staff("curator", ("profiles", "view_therapist")))

    assert client.post(reverse(name)).status_code == 405
