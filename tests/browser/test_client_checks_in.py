"""A client checks in after a first session: a low check-in is met warmly with two ways on, a good one cheered."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.alliance.models import CheckIn
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def met():
    """A client who wrote to Dana Exact, with Blake Next also in their matches."""
    dana = factories.make_therapist(name="Dana Exact", directness=6, license_number="A")
    blake = factories.make_therapist(name="Blake Next", directness=5, license_number="B")
    owner, token = factories.make_client(directness_point=6, directness_importance=3)
    factories.make_consultation_request(dana, client=owner)
    return owner, token, dana, blake


def answer(page, scores):
    for (_name, question), score in zip(CheckIn.QUESTIONS, scores, strict=True):
        group = page.get_by_role("group", name=question)
        group.get_by_text(str(score), exact=True).click()  # the visible label, as a person would
        expect(group.get_by_role("radio", name=str(score), exact=True)).to_be_checked()


def open_check_in(page, token):
    page.goto(reverse("questionnaire:results", args=[token]))
    page.get_by_role("link", name="You met Dana Exact: how did it feel?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You met Dana Exact: how did it feel?")
    assert_accessible(page)


def test_a_low_check_in_is_met_warmly_and_sets_the_therapist_aside(page, met):
    owner, token, dana, blake = met
    open_check_in(page, token)

    answer(page, (9, 9, 5, 9))  # a total of 32 and one answer of 5
    page.get_by_role("button", name="Save my check-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("It is completely OK if this is not the right match")
    expect(page.get_by_text("A short message is enough")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="The way they work.")).to_be_visible()
    expect(page.get_by_role("link", name="Look at your answers again")).to_have_attribute(
        "href", re.compile(re.escape(reverse("questionnaire:edit", args=[token])) + r"#review-step-\d+$")
    )
    saved = CheckIn.objects.get()
    assert (saved.client, saved.therapist, saved.approach, saved.total) == (owner, dana, 5, 32)
    assert_accessible(page)

    page.get_by_role("button", name="Set Dana Exact aside and see my next matches").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your matches")
    names = page.get_by_role("article").get_by_role("heading", level=3)
    expect(names).to_have_text([re.compile("Blake Next")])
    expect(
        page.get_by_role("region", name="Your page").get_by_role("button", name="Bring back: Dana Exact")
    ).to_be_visible()
    assert_accessible(page)


def test_a_good_check_in_gets_encouragement(page, met):
    owner, token, dana, blake = met
    open_check_in(page, token)

    answer(page, (9, 9, 9, 9))  # exactly 36, nothing under 7
    page.get_by_role("button", name="Save my check-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("It sounds like a good start")
    expect(page.get_by_role("button", name=re.compile("aside"))).to_have_count(0)
    assert CheckIn.objects.get().feels_right
    assert_accessible(page)


def test_an_unanswered_question_is_marked_and_the_others_are_kept(page, met):
    owner, token, dana, blake = met
    open_check_in(page, token)
    questions = [question for _name, question in CheckIn.QUESTIONS]

    for question in questions[:3]:
        page.get_by_role("group", name=question).get_by_role("radio", name="8", exact=True).check()
    page.get_by_role("button", name="Save my check-in").click()

    expect(page.get_by_role("alert")).to_contain_text("Some questions still need an answer")
    expect(page.get_by_role("group", name=questions[3])).to_have_accessible_description(
        re.compile("Please choose a number from 0 to 10.")
    )
    for question in questions[:3]:
        expect(page.get_by_role("group", name=question).get_by_role("radio", name="8", exact=True)).to_be_checked()
    assert CheckIn.objects.count() == 0
    assert_accessible(page)
