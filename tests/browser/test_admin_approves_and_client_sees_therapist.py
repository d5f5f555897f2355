"""A curator opens the verification queue, approves a therapist from their page, the therapist is
emailed, and a client's results then show them."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from profiles.models import Therapist
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_approved_therapist_appears_in_a_clients_results(page):
    staff = factories.make_staff("curator")
    user = factories.make_user("priya", email="priya@example.com")
    pending = factories.make_therapist(
        name="Priya Pending", user=user, license_number="LIC-4242", states=("CA", "NV"), status=Therapist.Status.PENDING
    )
    factories.make_therapist(name="Leo Listed", license_number="LIC-1")
    _client, token = factories.make_client(state="CA", session_format="online")
    results = reverse("questionnaire:results", args=[token])

    page.goto(results)
    expect(page.get_by_role("article", name=pending.name)).to_have_count(0)

    page.goto(reverse("admin:index"))
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Verification queue").first.click()

    queue = page.locator("#result_list")
    expect(queue).to_contain_text("LIC-4242")
    expect(queue).to_contain_text("CA, NV")
    expect(queue).not_to_contain_text("Leo Listed")
    page.get_by_role("link", name="Priya Pending", exact=True).click()
    page.get_by_role("combobox", name=re.compile("^Action")).select_option(label="Approve and publish this therapist")
    page.get_by_role("button", name="Run").click()

    expect(page.locator(".messagelist")).to_contain_text("Approved and published 1 therapist.")
    pending.refresh_from_db()
    assert pending.status == Therapist.Status.PUBLISHED
    assert pending.verified_by_id == staff.pk
    assert [message.to for message in mail.outbox] == [["priya@example.com"]]

    page.goto(results)
    expect(page.get_by_role("article", name=pending.name)).to_have_count(1)
    assert_accessible(page)
