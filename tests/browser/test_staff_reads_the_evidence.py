"""Staff read whether fit predicts how first sessions felt: a chart and its table, nothing blocked, axe clean."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.browser.csp_helpers import violations, watch_for_violations
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_evidence_page_draws_its_chart_under_the_policy_and_passes_axe(page):
    console = watch_for_violations(page)
    dana = factories.make_therapist(name="Dana Exact")
    for index in range(30):
        answer = (1, 2, 4)[index % 3]
        factories.make_followed_up_request(
            dana,
            fit=(50.0, 70.0, 90.0)[index % 3],
            gaps={"directness": 3 - answer // 2},
            bond=answer,
            goals=answer,
            tasks=answer,
            is_synthetic=index < 6,
        )
    staff = factories.make_staff("researcher")
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="Does fit predict how the first session felt?").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Does fit predict how the first session felt?")
    expect(
        page.get_by_role("img", name="Mean alliance and share that did not feel right, per fit band")
    ).to_be_visible()
    expect(page.get_by_role("table", name="Per fit band, in numbers")).to_be_visible()
    expect(page.get_by_text("6 of 30 check-ins are demo data")).to_be_visible()
    expect(page.get_by_role("link", name="Download the check-ins as CSV")).to_have_attribute(
        "href", reverse("evidence_csv")
    )
    # The bars take their colour from the stylesheet's class, not from an inline style.
    fill = page.locator("svg rect.coverage-therapists").first.evaluate("e => getComputedStyle(e).fill")
    assert fill == "rgb(32, 80, 103)"
    assert violations(page, console) == []
    assert_accessible(page)
