"""A curator opens the replies page from the admin home and reads the tables and the chart: nothing blocked
by the Content-Security-Policy, no accessibility violations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.browser.csp_helpers import violations, watch_for_violations
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_curator_reads_who_answers_from_the_admin_home(page):
    console = watch_for_violations(page)
    dana = factories.make_therapist(name="Dana Reyes", license_number="LIC-D")
    sam = factories.make_therapist(name="Sam Stone", license_number="LIC-S")
    for index in range(6):
        factories.make_sent_request(
            dana,
            sent_ago=timedelta(days=6),
            answered_after=timedelta(hours=3) if index else None,
            asked_state="CA",
            asked_insurance=index % 2 == 0,
        )
    for _ in range(4):
        factories.make_sent_request(sam, sent_ago=timedelta(days=5), asked_state="CA")
    staff = factories.make_staff("curator")
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="Replies: who answers the people who write").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Replies: who answers the people who write")
    expect(page.get_by_role("img", name="Reply rate by what the client asked for")).to_be_visible()
    expect(page.get_by_role("table", name="Reply rate by what the client asked for, in numbers")).to_be_visible()
    per_therapist = page.get_by_role("table", name="Replies per therapist")
    expect(per_therapist.get_by_role("row").nth(1)).to_have_text("Sam Stone 4 0 0% –", use_inner_text=True)
    expect(per_therapist.get_by_role("row").nth(2)).to_contain_text("Dana Reyes")
    expect(page.get_by_role("table", name="Replies per state").get_by_role("row").nth(1)).to_have_text(
        "California 10 5 50% 3 hours", use_inner_text=True
    )
    expect(page.get_by_role("link", name="Sam Stone").first).to_have_attribute(
        "href", reverse("admin:profiles_therapist_change", args=[sam.pk])
    )
    # The bars take their colour from the stylesheet's class, not from an inline style.
    bar = page.locator("svg rect.replies-bar").first
    assert bar.evaluate("e => getComputedStyle(e).fill") == "rgb(32, 80, 103)"
    assert violations(page, console) == []
    assert_accessible(page)

    page.get_by_label("Real therapists only (leave out demo listings)").check()
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("10 requests count (real therapists only).")).to_be_visible()
    assert violations(page, console) == []
