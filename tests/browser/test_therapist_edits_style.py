"""A therapist logs in, edits their style and fee, and sees the change saved."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BEFORE = {"directness": 2, "structure": 3, "fee": 120}
# Dimension title -> new point, and the new fee.
NEW_POINTS = {"Gentle or direct": 6, "Open or structured": 1}
NEW_FEE = 95


def step_path(therapist, step):
    return reverse("profiles:edit_step", args=[therapist.pk, step])


def point_radio(page, title, point):
    return page.get_by_role("group", name=title, exact=True).get_by_role("radio", name=str(point), exact=True)


def test_it_saves_a_therapists_new_style_and_fee(page):
    user = factories.make_user("morgan", first_name="Morgan", last_name="Lee")
    therapist = factories.make_therapist(user=user, name="Morgan Lee", **BEFORE)

    page.goto(reverse("profiles:dashboard"))
    expect(page).to_have_url(re.compile(re.escape(reverse("login"))))
    assert_accessible(page)
    page.get_by_label("Email address").fill("morgan")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:dashboard")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Morgan Lee")
    assert_accessible(page)
    page.get_by_role("link", name="Edit your profile and style").click()

    # The editor opens at its first step; fees are on the second, style on the third.
    expect(page).to_have_url(re.compile(re.escape(step_path(therapist, "about")) + "$"))
    assert_accessible(page)
    page.get_by_role("navigation", name="Profile steps").get_by_role("link", name="2. Practice details").click()
    expect(page).to_have_url(re.compile(re.escape(step_path(therapist, "practice")) + "$"))
    expect(page.get_by_label("Fee per session (USD)")).to_have_value(str(BEFORE["fee"]))
    assert_accessible(page)
    page.get_by_label("Fee per session (USD)").fill(str(NEW_FEE))
    page.get_by_role("button", name="Save and continue").click()

    expect(page).to_have_url(re.compile(re.escape(step_path(therapist, "style")) + "$"))
    expect(page.get_by_role("status")).to_have_text("Your profile is saved.")
    expect(point_radio(page, "Gentle or direct", BEFORE["directness"])).to_be_checked()
    assert_accessible(page)

    for title, point in NEW_POINTS.items():
        page.get_by_role("group", name=title, exact=True).locator("label").filter(
            has_text=re.compile(rf"^\s*{point}\s*$")
        ).click()
    page.get_by_role("button", name="Save and preview").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:preview", args=[therapist.pk])) + "$"))
    expect(page.get_by_role("status")).to_have_text("Your profile is saved.")

    page.goto(step_path(therapist, "style"))
    for title, point in NEW_POINTS.items():
        expect(point_radio(page, title, point)).to_be_checked()
    page.goto(step_path(therapist, "practice"))
    expect(page.get_by_label("Fee per session (USD)")).to_have_value(str(NEW_FEE))

    therapist.refresh_from_db()
    assert (therapist.directness, therapist.structure, therapist.fee) == (
        NEW_POINTS["Gentle or direct"],
        NEW_POINTS["Open or structured"],
        NEW_FEE,
    )
    assert therapist.name == "Morgan Lee"
