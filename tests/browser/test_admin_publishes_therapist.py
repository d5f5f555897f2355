"""Staff find a pending therapist in the admin, publish them, and clients can then see them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from profiles.models import Therapist
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_publishes_a_pending_therapist_into_client_results(page):
    staff = factories.make_staff("curator")
    pending = factories.make_therapist(name="Pat Pending", license_number="LIC-77", status=Therapist.Status.PENDING)
    other = factories.make_therapist(name="Robin Waiting", license_number="LIC-78", status=Therapist.Status.PENDING)
    _client, token = factories.make_client(state="CA", session_format="online")

    page.goto(reverse("questionnaire:results", args=[token]))
    expect(page.get_by_role("article", name=pending.name)).to_have_count(0)

    page.goto(reverse("admin:profiles_therapist_changelist"))
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("textbox", name="Search").fill("Pat Pending")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Pat Pending", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=other.name)).to_have_count(0)

    page.get_by_role("checkbox", name=re.compile("Pat Pending")).check()
    page.get_by_role("combobox", name=re.compile("^Action")).select_option(
        label="Approve and publish selected therapists"
    )
    page.get_by_role("button", name="Run").click()

    expect(page.locator(".messagelist")).to_contain_text("Approved and published 1 therapist.")
    pending.refresh_from_db()
    other.refresh_from_db()
    assert pending.status == Therapist.Status.PUBLISHED
    assert pending.verified_by_id == staff.pk
    assert pending.verified_at is not None
    assert other.status == Therapist.Status.PENDING

    page.goto(reverse("questionnaire:results", args=[token]))
    expect(page.get_by_role("article", name=pending.name)).to_have_count(1)
    expect(page.get_by_role("article", name=other.name)).to_have_count(0)
