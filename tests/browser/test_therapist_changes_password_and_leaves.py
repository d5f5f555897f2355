"""A therapist finds their account from the dashboard, changes their password, and later deletes their
account and profile for good, reaching a kind goodbye; nothing is blocked by the Content-Security-Policy."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from profiles.models import Therapist
from tests import factories
from tests.browser.csp_helpers import violations, watch_for_violations
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "a lantern by the north window"


def log_in(tab, username, password):
    tab.goto(reverse("login"))
    tab.get_by_label("Email address").fill(username)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Log in").click()
    expect(tab).to_have_url(re.compile(re.escape(reverse("profiles:dashboard")) + "$"))


def test_it_changes_the_password_then_deletes_the_account(page):
    console = watch_for_violations(page)
    robin = factories.make_therapist_user("robin", name="Robin Demo")
    factories.make_consultation_request(robin, therapist_name="Robin Demo")
    log_in(page, "robin", factories.PASSWORD)

    page.get_by_role("main").get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    assert_accessible(page)
    page.get_by_role("link", name="Change your password").click()
    page.get_by_label("Your current password").fill(factories.PASSWORD)
    page.get_by_label(re.compile(r"^\s*New password")).fill(NEW_PASSWORD)
    page.get_by_label("The same new password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password is changed")
    assert_accessible(page)

    # Still logged in: the header leads to the account page.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Delete my account and profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account and profile")
    assert_accessible(page)
    page.get_by_label("Your current password").fill(factories.PASSWORD)  # the old one no longer counts
    page.get_by_role("button", name="Delete my account and profile for good").click()
    expect(page.get_by_text("That is not your current password.")).to_be_visible()
    assert Therapist.objects.filter(pk=robin.pk).exists()

    page.get_by_label("Your current password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Delete my account and profile for good").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is deleted")
    expect(page.get_by_role("link", name="For therapists")).to_be_visible()  # logged out
    assert_accessible(page)
    assert not Therapist.objects.filter(pk=robin.pk).exists()
    assert violations(page, console) == []
