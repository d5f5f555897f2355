"""Staff open the verification queue, find whoever submitted longest ago at the top, and open that profile
as a client would see it, marked as a preview for the team, with nothing blocked by the policy."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from profiles.models import Therapist
from tests import factories
from tests.browser.csp_helpers import violations, watch_for_violations
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BANNER = "Preview for our team: this profile is pending verification and clients cannot see it yet."


def pending(name, days_ago, bio):
    submitted = timezone.now() - datetime.timedelta(days=days_ago)
    return factories.make_therapist(name=name, status=Therapist.Status.PENDING, submitted_at=submitted, bio=bio)


def test_staff_open_the_oldest_pending_profile_as_a_client_would_see_it(page):
    console = watch_for_violations(page)
    viewer = factories.make_staff_with("view_therapist")
    # Made in another order than they submitted, and named in another order too.
    pending("Bea Middle", 3, "Middle bio.")
    pending("Cal Newest", 0, "Newest bio.")
    oldest = pending("Zoe Oldest", 12, "I have waited longest.")

    page.goto(reverse("admin:index"))
    page.get_by_label("Username").fill(viewer.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Verification queue").click()

    names = page.locator("#result_list tbody th.field-name")
    expect(names).to_have_text(["Zoe Oldest", "Bea Middle", "Cal Newest"])
    first = page.locator("#result_list tbody tr").first
    expect(first.locator("td.field-submitted")).to_contain_text("12 days ago")
    expect(first.locator(".queue-initials")).to_have_text("ZO")
    assert violations(page, console) == []

    first.get_by_role("link", name="See the profile as a client would").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("questionnaire:therapist", args=[oldest.pk])) + "$"))
    expect(page.get_by_role("note", name="Preview for our team")).to_contain_text(BANNER)
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoe Oldest")
    expect(page.get_by_text("I have waited longest.")).to_be_visible()
    assert violations(page, console) == []
    assert_accessible(page)
