"""A client writes without giving any contact details; the therapist answers in Matchmaker; they talk back and forth."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.alliance.models import ConsultationRequest
from tests import factories
from tests.browser.csp_helpers import violations, watch_for_violations
from tests.conftest import assert_accessible, guarded_tab

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OPENING = "I have been anxious at work for months. Could we talk about evenings?"
ANSWER = "Thank you for writing. I have Tuesday evenings free; would 6pm suit you?"
BACK = "Tuesday at 6pm suits me well."


@pytest.fixture
def therapist_page(browser, live_server):
    yield from guarded_tab(browser, live_server)


def test_they_talk_under_the_private_link_and_the_dashboard(page, therapist_page):
    dana = factories.make_therapist_user("dana", name="Dana Exact", directness=6)
    _owner, token = factories.make_client(directness_point=6, directness_importance=3)
    client_console = watch_for_violations(page)
    therapist_console = watch_for_violations(therapist_page)

    # The client asks, leaving the contact field empty.
    page.goto(reverse("questionnaire:therapist_for_client", args=[token, dana.pk]))
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("A short message").fill(OPENING)
    page.get_by_role("checkbox", name=re.compile("I agree to share with Dana Exact")).check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your conversation with Dana Exact")
    expect(page.get_by_text("Their answer will appear on this page.", exact=False)).to_be_visible()
    conversation_url = page.url.split("#")[0]  # the form's own anchor travels with the redirect
    assert_accessible(page)
    (notice,) = mail.outbox
    assert "Sam" not in notice.body and "anxious" not in notice.body and token not in notice.body

    # The therapist logs in, opens it from the dashboard and answers.
    therapist_page.goto(reverse("login"))
    therapist_page.get_by_label("Email address").fill("dana")
    therapist_page.get_by_label("Password").fill(factories.PASSWORD)
    therapist_page.get_by_role("button", name="Log in").click()
    requests = therapist_page.get_by_role("region", name="Consultation requests")
    expect(requests.get_by_text("New", exact=True)).to_be_visible()
    requests.get_by_role("link", name="Sam").click()
    expect(therapist_page.get_by_text(OPENING)).to_be_visible()
    expect(therapist_page.get_by_text("None given: answer here", exact=False)).to_be_visible()
    assert_accessible(therapist_page)
    therapist_page.get_by_label("Your message").fill(ANSWER)
    therapist_page.get_by_role("button", name="Send").click()
    expect(therapist_page.get_by_text(ANSWER)).to_be_visible()
    assert ConsultationRequest.objects.get().first_reply_at is not None

    # The client sees the answer, and when it came, and writes back.
    page.goto(conversation_url)
    expect(page.get_by_text("Dana Exact replied just now.")).to_be_visible()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    page.get_by_label("Your message").fill(BACK)
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text(BACK)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to your matches").click()
    your_page = page.get_by_role("region", name="Your page")
    your_page.get_by_role("link", name="Conversations (1, 1 replied)").click()
    expect(page.get_by_role("region", name="Your page").get_by_text("(replied just now)")).to_be_visible()

    # The therapist sees it, marked as written again.
    therapist_page.goto(reverse("profiles:dashboard"))
    expect(therapist_page.get_by_text("They wrote again")).to_be_visible()
    therapist_page.get_by_role("link", name="Sam").click()
    expect(therapist_page.get_by_text(BACK)).to_be_visible()

    assert violations(page, client_console) == []
    assert violations(therapist_page, therapist_console) == []
