"""A client reads why each match fits, saves three to a shortlist, and compares two of them side by side."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.dimensions import DIMENSIONS
from matchmaker.matching.explaining import where_you_differ, why_it_fits
from matchmaker.scoring import explain, largest_difference, strongest_reasons
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = {
    "directness_point": 6,
    "directness_importance": 3,
    "approach_point": 2,
    "approach_importance": 2,
    "intensity_point": 2,
    "intensity_importance": 1,
}


@pytest.fixture
def directory():
    return [
        factories.make_therapist(name="Dana Exact", directness=6, approach=2, intensity=6, fee=90, license_number="A"),
        factories.make_therapist(name="Blake Near", directness=5, approach=3, intensity=2, fee=140, license_number="B"),
        factories.make_therapist(name="Casey Far", directness=1, approach=7, intensity=2, fee=200, license_number="C"),
    ]


def card(page, name):
    return page.get_by_role("article", name=name)


def test_it_shows_reasons_then_shortlists_and_compares(page, directory):
    owner, token = factories.make_client(**ANSWERS)
    preferences = owner.preferences()
    page.goto(reverse("questionnaire:results", args=[token]))
    assert_accessible(page)

    for therapist in directory:
        reasons = explain(preferences, therapist.style())
        for reason in strongest_reasons(reasons):
            expect(card(page, therapist.name)).to_contain_text(why_it_fits(reason))
        difference = largest_difference(reasons)
        if difference:
            expect(card(page, therapist.name)).to_contain_text(where_you_differ(difference))

    for therapist in directory:
        card(page, therapist.name).get_by_role("button", name=re.compile("^Save to shortlist")).click()
        expect(page.get_by_role("status").filter(has_text=f"{therapist.name} is on your shortlist.")).to_be_visible()
        expect(card(page, therapist.name).get_by_text("On your shortlist")).to_be_visible()
    assert owner.shortlist.count() == len(directory)
    your_page = page.get_by_role("region", name="Your page")
    expect(your_page).to_contain_text(f"Your shortlist ({len(directory)} of 5)")
    assert_accessible(page)

    your_page.get_by_role("link", name=f"Your shortlist ({len(directory)} of 5)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your shortlist")
    assert_accessible(page)

    # One is not enough: a kind message, and the choice is kept.
    page.get_by_role("checkbox", name=re.compile("Dana Exact")).check()
    page.get_by_role("button", name="Compare side by side").click()
    expect(page.get_by_role("alert")).to_have_text("Please choose two or three therapists to compare.")
    expect(page.get_by_role("checkbox", name=re.compile("Dana Exact"))).to_be_checked()
    assert_accessible(page)

    page.get_by_role("checkbox", name=re.compile("Casey Far")).check()
    page.get_by_role("button", name="Compare side by side").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare side by side")
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text([re.compile("Dana Exact"), re.compile("Casey Far")])
    for dimension in DIMENSIONS:
        expect(table.get_by_role("rowheader", name=dimension.title, exact=True)).to_be_visible()
    fees = table.get_by_role("row", name=re.compile("^Fee per session"))
    expect(fees.get_by_role("cell")).to_have_text([f"${directory[0].fee}", f"${directory[2].fee}"])
    assert_accessible(page)


def test_the_compare_page_fits_a_phone_screen(page, directory):
    owner, token = factories.make_client(**ANSWERS)
    for therapist in directory:
        owner.shortlist.create(therapist=therapist)
    page.set_viewport_size({"width": 390, "height": 844})
    ids = "&".join(f"therapist={t.pk}" for t in directory)
    page.goto(reverse("questionnaire:compare", args=[token]) + "?" + ids)

    # On a phone each therapist is a card of their own; the table is for wider screens.
    expect(page.get_by_role("table")).to_be_hidden()
    expect(page.locator(".compare-cards").get_by_role("article")).to_have_count(len(directory))
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], widths
    assert_accessible(page)
