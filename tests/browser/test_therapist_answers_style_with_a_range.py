"""A therapist cannot save an untouched style step; they answer every scale, one with a range, and see the band."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.dimensions import DIMENSIONS
from profiles.models import Therapist
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_untouched_style_step_is_refused_then_a_range_shows_as_a_band(page):
    user = factories.make_user("morgan")
    therapist = factories.make_therapist(
        user=user, name="Morgan Lee", status=Therapist.Status.DRAFT, **factories.UNANSWERED_STYLE
    )
    page.goto(reverse("login"))
    page.get_by_label("Email address").fill("morgan")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:dashboard")) + "$"))

    style_path = reverse("profiles:edit_step", args=[therapist.pk, "style"])
    page.goto(style_path)
    for dimension in DIMENSIONS:
        expect(page.get_by_role("group", name=dimension.title, exact=True).locator("input:checked")).to_have_count(0)
    page.get_by_role("button", name="Save and preview").click()

    expect(page).to_have_url(re.compile(re.escape(style_path) + "$"))
    expect(page.get_by_text("Please choose where you stand on this scale.")).to_have_count(len(DIMENSIONS))
    assert_accessible(page)
    therapist.refresh_from_db()
    assert therapist.style_saved_at is None

    for dimension in DIMENSIONS:
        group = page.get_by_role("group", name=dimension.title, exact=True)
        point = "3" if dimension.key == "directness" else "4"
        group.locator("label").filter(has_text=re.compile(rf"^\s*{point}\s*$")).click()
    page.get_by_role("group", name="Gentle or direct", exact=True).get_by_label(
        "It depends on the client: up to …"
    ).select_option(label="up to 5")
    page.get_by_role("button", name="Save and preview").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:preview", args=[therapist.pk])) + "$"))
    expect(page.locator(".track-band.from-3.to-5")).to_be_visible()
    expect(
        page.get_by_text(
            "They are from 3 to 5 of 7, between leaning gentle and leaning direct, depending on the client."
        )
    ).to_be_visible()
    assert_accessible(page)
    therapist.refresh_from_db()
    assert therapist.style()["directness"] == (3, 5)
