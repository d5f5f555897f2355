"""The account pages, climbed as a ladder: anonymous, then an account without a therapist profile (staff),
then the therapist themself. Writes take a POST with a CSRF token, and a refused visitor changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests.factories import PASSWORD, make_staff, make_therapist_user

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Page:
    label: str
    name: str
    method: str = "get"
    data: dict[str, str] = field(default_factory=dict)
    owner_status: int = 200


NEW_PASSWORD = "a kinder new passphrase"
PASSWORD_CHANGE = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
PAGES = [
    Page("account", "profiles:account"),
    Page("password form", "profiles:password_change"),
    Page("password change", "profiles:password_change", "post", PASSWORD_CHANGE, 302),
    Page("password changed", "profiles:password_change_done"),
    Page("email form", "profiles:email_change"),
    Page("email change", "profiles:email_change", "post", {"new_email": "new@example.com", "password": PASSWORD}, 302),
    Page("delete form", "profiles:delete_account"),
    Page("delete", "profiles:delete_account", "post", {"password": PASSWORD}, 302),
]
IDS = [page.label for page in PAGES]


@pytest.fixture
def robin() -> Therapist:
    return make_therapist_user("robin", name="Robin Demo")


def snapshot() -> dict[str, Any]:
    users = get_user_model().objects.order_by("pk")
    return {
        "users": list(users.values_list("pk", "username", "email", "password")),
        "therapists": list(Therapist.objects.values_list("pk", flat=True)),
        "emails": len(mail.outbox),
    }


def send(browser: Browser, page: Page) -> Any:
    url = reverse(page.name)
    return browser.post(url, page.data) if page.method == "post" else browser.get(url)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_an_anonymous_visitor_is_sent_to_log_in_and_changes_nothing(
    client: Browser, robin: Therapist, page: Page
) -> None:
    before = snapshot()

    response = send(client, page)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse(page.name)}"
    assert snapshot() == before


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_an_account_without_a_therapist_profile_is_not_found_and_changes_nothing(
    client: Browser, robin: Therapist, page: Page
) -> None:
    client.force_login(make_staff("curator"))
    before = snapshot()

    response = send(client, page)

    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_the_therapist_gets_in(client: Browser, robin: Therapist, page: Page) -> None:
    client.force_login(robin.user)
    before = snapshot()

    response = send(client, page)

    assert response.status_code == page.owner_status
    if page.method == "post":
        assert snapshot() != before


@pytest.mark.parametrize("page", [page for page in PAGES if page.method == "post"], ids=lambda page: page.label)
def test_a_write_without_the_csrf_token_is_refused_and_changes_nothing(robin: Therapist, page: Page) -> None:
    browser = Browser(enforce_csrf_checks=True)
    browser.force_login(robin.user)
    before = snapshot()

    response = send(browser, page)

    assert response.status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("name", ["profiles:account", "profiles:password_change_done", "profiles:account_deleted"])
def test_a_page_that_only_shows_refuses_a_post(client: Browser, robin: Therapist, name: str) -> None:
    client.force_login(robin.user)

    assert client.post(reverse(name)).status_code == 405


def test_a_staff_member_with_a_therapist_profile_cannot_delete_their_account_here(client: Browser) -> None:
    staff_therapist = make_therapist_user("casey")
    get_user_model().objects.filter(pk=staff_therapist.user_id).update(is_staff=True)
    client.force_login(staff_therapist.user)

    assert client.get(reverse("profiles:account")).status_code == 200
    assert reverse("profiles:delete_account") not in client.get(reverse("profiles:account")).content.decode()
    assert client.post(reverse("profiles:delete_account"), {"password": PASSWORD}).status_code == 404
    assert Therapist.objects.filter(pk=staff_therapist.pk).exists()


def test_the_goodbye_page_is_open_to_anyone(client: Browser) -> None:
    response = client.get(reverse("profiles:account_deleted"))

    assert response.status_code == 200
    assert "Your account is deleted" in response.content.decode()
