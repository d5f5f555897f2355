"""An Ohio client who would meet in person gives a Columbus ZIP code and 25 miles: their results show only
offices within 25 miles, say how far each is, and the report says how many offices were too far."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from questionnaire.forms import LAST_STEP
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ohio():
    ohio = {"states": ("OH",)}
    factories.make_therapist(name="Cora Columbus", offers_in_person=True, office_zip="43215", city="Columbus", **ohio)
    factories.make_therapist(name="Cleo Cleveland", offers_in_person=True, office_zip="44114", city="Cleveland",
                             **ohio)  # fmt: skip
    factories.make_therapist(name="Otto Online", offers_in_person=False, **ohio)
    factories.make_therapist(name="Cyd Cincinnati", offers_online=False, offers_in_person=True, office_zip="45202",
                             city="Cincinnati", **ohio)  # fmt: skip


def test_an_in_person_client_sees_only_offices_within_their_distance(page, ohio):
    _, token = factories.make_client(
        state="OH", session_format="online", furthest_step=LAST_STEP, completed_at=timezone.now()
    )
    page.goto(reverse("questionnaire:step", args=[token, 1]))
    page.get_by_role("radio", name="In person").check()
    page.get_by_label("Your ZIP code").fill("43215")
    page.get_by_role("radio", name="25 miles").check()
    page.get_by_role("button", name=re.compile("^Continue")).click()
    expect(page.get_by_text(f"Step 2 of {LAST_STEP}", exact=True)).to_be_visible()

    page.goto(reverse("questionnaire:results", args=[token]))

    expect(page.get_by_role("article", name="Cora Columbus")).to_have_count(1)
    for elsewhere in ("Cleo Cleveland", "Otto Online", "Cyd Cincinnati"):
        expect(page.get_by_role("article", name=elsewhere)).to_have_count(0)
    card = page.get_by_role("article", name="Cora Columbus")
    expect(card).to_contain_text("Online and in person in Columbus, less than a mile away")
    expect(page.get_by_text("2 therapists have an office more than 25 miles from 43215")).to_be_visible()
    expect(page.get_by_text("1 therapist does not see clients in person")).to_be_visible()
    assert_accessible(page)


def test_a_zip_code_in_another_state_is_a_question_the_client_can_answer(page, ohio):
    _, token = factories.make_client(state="OH", session_format="online", furthest_step=1)
    page.goto(reverse("questionnaire:step", args=[token, 1]))
    page.get_by_label("State you live in").select_option("KY")
    page.get_by_role("radio", name="In person").check()
    page.get_by_label("Your ZIP code").fill("43215")
    page.get_by_role("button", name=re.compile("^Continue")).click()

    zip_code = page.get_by_label("Your ZIP code")
    expect(zip_code).to_have_accessible_description(re.compile("43215 is in Ohio, but you chose Kentucky."))
    expect(zip_code).to_have_value("43215")
    assert_accessible(page)

    page.get_by_label("Yes, the state I chose is right").check()
    page.get_by_role("button", name=re.compile("^Continue")).click()
    expect(page.get_by_text(f"Step 2 of {LAST_STEP}", exact=True)).to_be_visible()


def test_with_javascript_an_online_client_is_not_shown_the_zip_code(page, ohio):
    _, token = factories.make_client(state="OH", session_format="online", furthest_step=1)
    page.goto(reverse("questionnaire:step", args=[token, 1]))

    expect(page.get_by_label("Your ZIP code")).to_be_hidden()
    page.get_by_role("radio", name="Either is fine").check()
    expect(page.get_by_label("Your ZIP code")).to_be_visible()
    expect(page.get_by_role("radio", name="25 miles")).to_be_visible()
    page.get_by_role("radio", name="Online").check()
    expect(page.get_by_role("radio", name="25 miles")).to_be_hidden()
    assert_accessible(page)


def test_without_javascript_the_zip_code_is_there_and_optional_for_online(page_without_js, ohio):
    _, token = factories.make_client(state="OH", session_format="online", furthest_step=1)
    page_without_js.goto(reverse("questionnaire:step", args=[token, 1]))

    expect(page_without_js.get_by_label("Your ZIP code")).to_be_visible()
    page_without_js.get_by_role("button", name=re.compile("^Continue")).click()
    expect(page_without_js.get_by_text(f"Step 2 of {LAST_STEP}", exact=True)).to_be_visible()
