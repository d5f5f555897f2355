"""A therapist changes their password from their account page, in the site's own layout, and stays logged in;
the old password no longer logs in. The admin's own password change keeps the admin's pages."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from profiles.services import therapist_sign_up
from tests.factories import PASSWORD, make_staff

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a slow river under willows"


@pytest.fixture
def robin() -> Therapist:
    therapist = therapist_sign_up(name="Robin Lee", email="robin@example.com", password=PASSWORD, site_url="")
    assert therapist is not None and therapist.user is not None
    therapist.user.is_active = True  # as following the emailed link does
    therapist.user.save()
    return therapist


def change(client: Browser, old: str, new: str, again: str | None = None) -> object:
    data = {"old_password": old, "new_password1": new, "new_password2": new if again is None else again}
    return client.post(reverse("profiles:password_change"), data)


def log_in(email: str, password: str) -> bool:
    browser = Browser()
    response = browser.post(reverse("login"), {"username": email, "password": password})
    return response.status_code == 302 and "_auth_user_id" in browser.session


def test_it_shows_the_form_in_the_sites_layout(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)

    html = client.get(reverse("profiles:password_change")).content.decode()

    assert "<h1>Change your password</h1>" in html
    assert 'class="site-header' in html
    assert "Django administration" not in html and "Matchmaker directory" not in html
    assert 'for="id_old_password"' in html and "Your current password" in html


def test_it_changes_the_password_and_keeps_the_therapist_logged_in(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)

    response = change(client, PASSWORD, NEW_PASSWORD)

    assert response["Location"] == reverse("profiles:password_change_done")
    done = client.get(response["Location"])
    assert "<h1>Your password is changed</h1>" in done.content.decode()
    assert client.get(reverse("profiles:account")).status_code == 200  # the session was kept
    assert log_in("robin@example.com", NEW_PASSWORD)
    assert not log_in("robin@example.com", PASSWORD)


def test_a_wrong_current_password_is_said_next_to_its_field_and_changes_nothing(
    client: Browser, robin: Therapist
) -> None:
    client.force_login(robin.user)

    response = change(client, "not my password", NEW_PASSWORD)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["old_password"] == ["That is not your current password. Please type it again; capitals matter here."]
    assert list(errors) == ["old_password"]
    assert log_in("robin@example.com", PASSWORD)


def test_two_different_new_passwords_are_said_next_to_the_second(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)

    response = change(client, PASSWORD, NEW_PASSWORD, again="a slow river under willow")

    assert list(response.context["form"].errors) == ["new_password2"]
    assert log_in("robin@example.com", PASSWORD)


def test_the_admins_own_password_change_still_works_in_the_admins_layout(client: Browser) -> None:
    curator = make_staff("curator")
    client.force_login(curator)
    url = reverse("admin:password_change")

    page = client.get(url).content.decode()
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert "Matchmaker directory" in page  # the admin's header
    assert 'class="site-header' not in page
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:password_change_done")
    curator.refresh_from_db()
    assert curator.check_password(NEW_PASSWORD)
