"""A client asks for a consultation from a profile; the therapist is told only that a request is waiting."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.alliance.models import ConsultationRequest
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = "I would like help with worry that keeps me up at night. Weekday evenings suit me best."


def test_it_sends_a_request_after_fixing_the_contact_and_shows_what_was_sent(page):
    dana = factories.make_therapist_user("dana", name="Dana Exact", directness=6)
    owner, token = factories.make_client(directness_point=6, directness_importance=3)
    page.goto(reverse("questionnaire:results", args=[token]))
    page.get_by_role("article", name="Dana Exact").get_by_role("link", name="Dana Exact", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dana Exact")
    assert_accessible(page)

    page.get_by_role("link", name="Request a consultation").click()
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("How they can reach you").fill("not a way to reach me")
    page.get_by_label("A short message").fill(MESSAGE)
    page.get_by_role("button", name="Send my request").click()

    contact = page.get_by_label("How they can reach you")
    expect(contact).to_have_attribute("aria-invalid", "true")
    expect(contact).to_have_accessible_description(re.compile("Please give an email address"))
    expect(page.get_by_label("Your name")).to_have_value("Sam")
    expect(page.get_by_label("A short message")).to_have_value(MESSAGE)
    assert ConsultationRequest.objects.count() == 0
    assert_accessible(page)

    contact.fill("+1 555 123 4567")
    page.get_by_role("checkbox", name=re.compile("I agree to share with Dana Exact")).check()
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your conversation with Dana Exact")
    expect(page.get_by_role("status")).to_contain_text("Your request is on its way.")
    expect(page.get_by_text(MESSAGE)).to_be_visible()
    assert_accessible(page)

    sent = ConsultationRequest.objects.get()
    assert (sent.client, sent.therapist, sent.contact) == (owner, dana, "+1 555 123 4567")
    (email,) = mail.outbox
    assert email.to == [dana.user.email]
    assert token not in email.body and "Sam" not in email.body and "worry" not in email.body

    page.get_by_role("link", name="Back to your matches").click()
    your_page = page.get_by_role("region", name="Your page")
    expect(your_page.get_by_role("link", name="You met Dana Exact: how did it feel?")).to_be_visible()
    your_page.get_by_role("link", name="Conversations (1)").click()
    your_page = page.get_by_role("region", name="Your page")  # the full box, on the shortlist page
    expect(your_page.get_by_role("link", name=re.compile("To Dana Exact"))).to_be_visible()
    assert_accessible(page)


def test_the_public_profile_has_no_request_form(page):
    dana = factories.make_therapist(name="Dana Exact", directness_note="Plainly, and kindly.")
    page.goto(reverse("questionnaire:therapist", args=[dana.pk]))

    expect(page.get_by_role("heading", level=1)).to_have_text("Dana Exact")
    expect(page.get_by_text("Plainly, and kindly.")).to_be_visible()
    expect(page.get_by_role("button")).to_have_count(0)
    assert_accessible(page)
