"""A client picks style points without touching "How much does this matter", and those points rank the results."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from questionnaire.forms import LAST_STEP, STYLE_STEPS_START
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def continue_(page):
    page.get_by_role("button", name=re.compile(r"^Continue")).click()


def point(page, title, option):
    style = page.get_by_role("group", name=title, exact=True)
    return style.get_by_role("group", name=re.compile("your preferred point")).get_by_role(
        "radio", name=option, exact=True
    )


def test_points_picked_without_an_importance_rank_the_matches(page):
    factories.make_therapist(name="Dana Direct", states=("OH",), directness=7, responsiveness=7)
    factories.make_therapist(name="Gale Gentle", states=("OH",), directness=1, responsiveness=1)

    page.goto(reverse("questionnaire:start"))
    page.get_by_label("State you live in").select_option("OH")
    page.get_by_role("radio", name="Online").check()
    page.get_by_role("checkbox", name=re.compile("^Keep my answers")).check()
    continue_(page)
    for _ in range(2, STYLE_STEPS_START):
        continue_(page)

    expect(page.get_by_text("No preference: this scale won’t affect your matches").first).to_be_visible()
    importance = page.get_by_role("group", name="Gentle or direct", exact=True).get_by_role(
        "group", name="How much does this matter to you?"
    )
    expect(importance.get_by_role("radio", name="Quite a bit", exact=True)).to_be_checked()
    point(page, "Gentle or direct", "7").check()
    point(page, "Quiet or conversational", "7").check()
    continue_(page)
    for _ in range(STYLE_STEPS_START + 1, LAST_STEP + 1):
        continue_(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(page.get_by_text("7 of 7: Direct; tells me plainly what they see. Matters: quite a bit.")).to_be_visible()
    page.get_by_role("button", name=re.compile("show my matches")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your matches")
    expect(
        page.get_by_text(
            re.compile(r"^Counting: Gentle or direct \(quite a bit\), Quiet or conversational \(quite a bit\)\.")
        )
    ).to_be_visible()
    expect(page.get_by_text("Style is not ranking anyone")).to_have_count(0)
    cards = page.locator(".matches > li.match-card")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_contain_text("Dana Direct")
    expect(cards.nth(0)).to_contain_text("right where you asked (very direct)")
    expect(cards.nth(1)).to_contain_text("Gale Gentle")
    assert_accessible(page)
