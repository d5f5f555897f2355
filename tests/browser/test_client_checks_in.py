"""A client checks in after a first session: a low check-in is met warmly with two ways on and a change to try,
a good one cheered."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.alliance.models import CheckIn
from matchmaker.dimensions import BY_KEY
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def met():
    """A client who wrote to Dana Exact, with Blake Next also in their matches."""
    dana = factories.make_therapist(name="Dana Exact", directness=6, license_number="A")
    blake = factories.make_therapist(name="Blake Next", directness=5, license_number="B")
    factories.make_therapist(name="Cleo Gentle", directness=4, license_number="C")
    owner, token = factories.make_client(directness_point=6, directness_importance=3)
    factories.make_consultation_request(dana, client=owner)
    return owner, token, dana, blake


def choose(page, question, label):
    group = page.get_by_role("group", name=question)
    group.get_by_text(label, exact=True).click()  # the visible label, as a person would
    expect(group.get_by_role("radio", name=label, exact=True)).to_be_checked()


def answer(page, labels, again="Yes", directness="about right"):
    for (_name, question), label in zip(CheckIn.QUESTIONS, labels, strict=True):
        choose(page, question, label)
    choose(page, "Would you go back to them?", again)
    choose(page, BY_KEY["directness"].title, directness)


def open_check_in(page, token):
    page.goto(reverse("questionnaire:results", args=[token]))
    page.get_by_role("link", name="You met Dana Exact: how did it feel?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You met Dana Exact: how did it feel?")
    assert_accessible(page)


def test_a_low_check_in_is_met_warmly_and_sets_the_therapist_aside(page, met):
    owner, token, dana, blake = met
    open_check_in(page, token)

    answer(page, ("Mostly", "Mostly", "Hardly"))  # one part "hardly"
    page.get_by_role("button", name="Save my check-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("It is completely OK if this is not the right match")
    expect(page.get_by_text("A short message is enough")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="How you work together.")).to_be_visible()
    expect(page.get_by_role("link", name="Look at your answers again")).to_have_attribute(
        "href", re.compile(re.escape(reverse("questionnaire:edit", args=[token])) + r"#review-step-\d+$")
    )
    saved = CheckIn.objects.get()
    assert (saved.client, saved.therapist, saved.tasks, saved.total, saved.felt_right) == (owner, dana, 1, 7, False)
    assert_accessible(page)

    page.get_by_role("button", name="Set Dana Exact aside and see my next matches").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your matches")
    names = page.get_by_role("article").get_by_role("heading", level=3)
    expect(names).to_have_text([re.compile("Blake Next"), re.compile("Cleo Gentle")])
    page.get_by_role("region", name="Your page").get_by_role("link", name="Set aside (1)").click()
    expect(
        page.get_by_role("region", name="Your page").get_by_role("button", name="Bring back: Dana Exact")
    ).to_be_visible()
    assert_accessible(page)


def test_a_good_check_in_gets_encouragement(page, met):
    owner, token, dana, blake = met
    open_check_in(page, token)

    answer(page, ("Partly", "Partly", "Partly"), again="I'm not sure yet")  # nothing under "partly"
    page.get_by_role("button", name="Save my check-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("It sounds like a good start")
    expect(page.get_by_role("button", name=re.compile("aside"))).to_have_count(0)
    expect(page.get_by_role("heading", name="A change your check-in suggests")).to_have_count(0)
    assert CheckIn.objects.get().felt_right
    assert_accessible(page)


def test_an_unanswered_question_is_marked_and_the_others_are_kept(page, met):
    owner, token, dana, blake = met
    open_check_in(page, token)
    questions = [question for _name, question in CheckIn.QUESTIONS]

    for question in questions:
        page.get_by_role("group", name=question).get_by_role("radio", name="Mostly", exact=True).check()
    page.get_by_role("button", name="Save my check-in").click()

    expect(page.get_by_role("alert")).to_contain_text("Some questions still need an answer")
    expect(page.get_by_role("group", name="Would you go back to them?")).to_have_accessible_description(
        re.compile("Please choose one of the answers.")
    )
    for question in questions:
        expect(page.get_by_role("group", name=question).get_by_role("radio", name="Mostly", exact=True)).to_be_checked()
    assert CheckIn.objects.count() == 0
    assert_accessible(page)


def test_much_more_direct_than_wanted_proposes_a_change_that_reorders_the_matches(page, met):
    owner, token, dana, blake = met
    open_check_in(page, token)

    answer(page, ("Partly", "Hardly", "Partly"), directness="much more direct")
    page.get_by_role("button", name="Save my check-in").click()

    proposal = page.get_by_role("region", name="A change your check-in suggests")
    title = BY_KEY["directness"].title
    expect(proposal).to_contain_text(f"You found them more direct than you wanted. Move “{title}” from 6 to 5?")
    expect(proposal.locator("#top-now li").first).to_have_text(re.compile("^Dana Exact"))
    expect(proposal.locator("#top-after li").first).to_have_text(re.compile("^Blake Next"))
    assert_accessible(page)

    proposal.get_by_role("button", name="Yes, move it to 5").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your matches")
    expect(page.get_by_text(f"“{title}” is now 5")).to_be_visible()
    names = page.get_by_role("article").get_by_role("heading", level=3)
    expect(names.first).to_have_text(re.compile("Blake Next"))
    owner.refresh_from_db()
    assert owner.directness_point == 5
    assert_accessible(page)
