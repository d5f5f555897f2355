"""A listing whose availability lapsed drops out of a client's matches, and comes back once the therapist confirms."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from profiles.models import AVAILABILITY_FRESH_DAYS
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lapsed_listing_leaves_the_matches_until_the_therapist_confirms(page):
    lapsed = factories.make_therapist_user(
        "robin",
        name="Robin Lapsed",
        availability_confirmed_at=timezone.now() - datetime.timedelta(days=AVAILABILITY_FRESH_DAYS + 1),
    )
    factories.make_therapist(name="Sam Current")
    # Requests and check-ins, so that every part of the dashboard is checked for accessibility.
    factories.make_consultation_request(lapsed, name="Ana", message="Could we talk next week?")
    factories.make_consultation_request(lapsed, name="Ben", message="All sorted, thank you.", status="closed")
    factories.make_counted_check_ins(
        lapsed,
        [
            {"bond": 4, "goals": 3, "tasks": tasks, "style_steps": {"structure": 2}, "wanted": {"structure": 4}}
            for tasks in (0, 1, 2, 3, 4)
        ],
    )
    _, token = factories.make_client()
    results = reverse("questionnaire:results", args=[token])

    page.goto(results)
    expect(page.get_by_role("link", name="Sam Current", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Robin Lapsed", exact=True)).to_have_count(0)
    assert_accessible(page)

    # Still reachable by its link.
    response = page.goto(reverse("questionnaire:therapist", args=[lapsed.pk]))
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Robin Lapsed")
    assert_accessible(page)

    page.goto(reverse("login"))
    page.get_by_label("Email address").fill("robin")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:dashboard")) + "$"))
    expect(page.get_by_text("hidden from clients’ matches")).to_be_visible()
    expect(page.get_by_text("Could we talk next week?")).to_be_visible()
    expect(page.get_by_text("2.0 out of 4")).to_be_visible()  # the mean of 0, 1, 2, 3 and 4
    expect(page.get_by_role("table", name="Your style as clients experience it")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="My availability is still accurate").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:dashboard")) + "$"))
    expect(page.get_by_role("status")).to_contain_text("Your availability is confirmed")
    expect(page.get_by_text("Availability confirmed today.")).to_be_visible()
    expect(page.get_by_text("hidden from clients’ matches")).to_have_count(0)
    assert_accessible(page)

    page.goto(results)
    expect(page.get_by_role("link", name="Robin Lapsed", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Sam Current", exact=True)).to_be_visible()
