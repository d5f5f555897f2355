"""The client's pages and the admin's load under the Content-Security-Policy with nothing blocked:
no inline script or style of ours, and Django's admin needs no exception either."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.browser.csp_helpers import violations, watch_for_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(page, url, console):
    response = page.goto(url)
    assert response.status < 400, url
    assert "default-src 'self'" in response.headers["content-security-policy"], url
    page.wait_for_load_state("load")
    assert violations(page, console) == [], url


def test_the_client_pages_load_with_nothing_blocked(page):
    console = watch_for_violations(page)
    dana = factories.make_therapist(name="Dana Exact", directness=6, approach=2)
    blake = factories.make_therapist(name="Blake Near", directness=3, approach=5)
    client, token = factories.make_client(directness_point=6, directness_importance=3, approach_point=2)
    client.shortlist.create(therapist=dana)
    client.shortlist.create(therapist=blake)
    factories.make_consultation_request(dana, client=client)  # a check-in follows a request

    visit(page, "/", console)
    visit(page, reverse("how_matching_works"), console)
    visit(page, reverse("questionnaire:start"), console)
    page.get_by_label("State you live in").select_option("CA")
    page.get_by_role("radio", name="Online").check()
    page.get_by_role("checkbox", name=re.compile("^Keep my answers")).check()
    page.get_by_role("button", name=re.compile(r"^Continue")).click()
    expect(page).to_have_url(re.compile(r"/questions/2/$"))
    assert violations(page, console) == []

    for url in (
        reverse("questionnaire:results", args=[token]),
        reverse("questionnaire:therapist_for_client", args=[token, dana.pk]),
        reverse("questionnaire:shortlist", args=[token]),
        reverse("questionnaire:compare", args=[token]) + f"?therapist={dana.pk}&therapist={blake.pk}",
        reverse("questionnaire:check_in", args=[token, dana.pk]),
        reverse("questionnaire:edit", args=[token]),
        reverse("questionnaire:delete_everything", args=[token]),
    ):
        visit(page, url, console)

    # The markers on a profile's scales sit where the class puts them, not all at the left edge.
    page.goto(reverse("questionnaire:therapist_for_client", args=[token, dana.pk]))
    lefts = page.locator(".track-therapist:not(.track-legend *)").evaluate_all(
        "els => els.map(e => getComputedStyle(e).left)"
    )
    assert len(set(lefts)) > 1, lefts


def test_the_admin_changelist_change_form_and_coverage_load_with_nothing_blocked(page):
    console = watch_for_violations(page)
    staff = factories.make_staff("curator")
    therapist = factories.make_therapist(name="Pat Pending")

    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Log out").or_(page.get_by_role("button", name="Log out"))).to_be_visible()
    assert violations(page, console) == []

    visit(page, reverse("admin:profiles_therapist_changelist"), console)
    visit(page, reverse("admin:profiles_therapist_change", args=[therapist.pk]), console)
    visit(page, reverse("coverage"), console)
    # The coverage page's own styles arrive from its stylesheet.
    assert page.locator(".coverage-charts").first.evaluate("e => getComputedStyle(e).display") == "flex"
