"""A client with no account answers the questionnaire and reads their ranked matches."""

from __future__ import annotations

import re

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.matching.explaining import where_you_differ, why_it_fits
from matchmaker.scoring import explain, fit_score, largest_difference, strongest_reasons
from profiles.models import Therapist
from questionnaire.forms import LAST_STEP, STEPS
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the client will ask for: dimension title -> (preferred point, importance label).
# Structure is answered with the keyboard only; the others by clicking labels.
CLICKED = {
    "Gentle or direct": ("6", "A lot"),
    "Coping skills or old patterns": ("2", "Quite a bit"),
}
KEYBOARD_TITLE = "Open or structured"
KEYBOARD_POINT = 5  # ArrowRight presses from "No preference" to reach it
KEYBOARD_IMPORTANCE = 2  # "Quite a bit", where the importance starts

# The same answers as scoring input.
PREFERENCES = {
    "directness": (6, 3),
    "responsiveness": (None, 0),
    "approach": (2, 2),
    "structure": (KEYBOARD_POINT, KEYBOARD_IMPORTANCE),
    "challenge": (None, 0),
    "intensity": (None, 0),
}


@pytest.fixture
def directory():
    """Three published therapists in CA with known styles, one unpublished exact match, one in-person only."""
    exact = factories.make_therapist(name="Dana Exact", directness=6, approach=2, structure=5)
    near = factories.make_therapist(name="Blake Near", directness=5, approach=2, structure=5)
    far = factories.make_therapist(name="Casey Far", directness=1, approach=7, structure=1)
    hidden = factories.make_therapist(
        name="Uma Unpublished", status=Therapist.Status.PENDING, directness=6, approach=2, structure=5
    )
    office_only = factories.make_therapist(
        name="Ira Office",
        offers_online=False,
        offers_in_person=True,
        city="Fresno",
        directness=6,
        approach=2,
        structure=5,
    )
    return {"ranked": [exact, near, far], "absent": [hidden, office_only]}


def expected_order(therapists):
    """Best fit first, equal fits by id, as the product promises."""
    return sorted(therapists, key=lambda t: (-fit_score(PREFERENCES, t.style()), t.pk))


def style_group(page, title):
    return page.get_by_role("group", name=title, exact=True)


def point_group(page, title):
    return style_group(page, title).get_by_role("group", name=re.compile("your preferred point"))


def importance_group(page, title):
    return style_group(page, title).get_by_role("group", name="How much does this matter to you?")


def click_label(group, text):
    """Click the visible text of a choice, as a person would, and check it took."""
    group.locator("label").filter(has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")).click()
    expect(group.get_by_role("radio", name=text, exact=True)).to_be_checked()


def continue_to(page, number):
    """Press Continue and land on the given step, or on the review after the last one."""
    page.get_by_role("button", name=re.compile(r"^Continue")).click()
    if number > LAST_STEP:
        expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    else:
        expect(page.get_by_text(f"Step {number} of {LAST_STEP}", exact=True)).to_be_visible()


def step_asking(title):
    """The step that asks about the dimension with this title."""
    return next(
        step.number for step in STEPS if step.is_style and title in [d.title for d in step.form_class().dimensions()]
    )


def answer_questionnaire(page):
    page.get_by_label("State you live in").select_option("CA")
    click_label(page.get_by_role("group", name="How you would like to meet"), "Online")
    page.get_by_role("checkbox", name=re.compile("^Keep my answers")).check()
    clicked = dict(CLICKED)
    for number in range(2, LAST_STEP + 1):
        continue_to(page, number)
        for title in [t for t in clicked if step_asking(t) == number]:
            point, importance = clicked.pop(title)
            click_label(point_group(page, title), point)
            click_label(importance_group(page, title), importance)
        if number != step_asking(KEYBOARD_TITLE):
            continue

        # Keyboard only from here: clicking a label focused its radio, so Tab moves to the next
        # question's checked radio ("No preference"), and the arrow keys choose within a group.
        points = point_group(page, KEYBOARD_TITLE)
        importances = importance_group(page, KEYBOARD_TITLE)
        page.keyboard.press("Tab")
        expect(points.get_by_role("radio", name="No preference")).to_be_focused()
        for _ in range(KEYBOARD_POINT):
            page.keyboard.press("ArrowRight")
        expect(points.get_by_role("radio", name=str(KEYBOARD_POINT), exact=True)).to_be_checked()
        # The importance starts on "Quite a bit", so Tab lands there; the arrows move off it and back.
        page.keyboard.press("Tab")
        expect(importances.get_by_role("radio", name="Quite a bit")).to_be_focused()
        page.keyboard.press("ArrowRight")
        expect(importances.get_by_role("radio", name="A lot")).to_be_checked()
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("Space")
        expect(importances.get_by_role("radio", name="Quite a bit")).to_be_checked()
    assert not clicked, clicked
    continue_to(page, LAST_STEP + 1)


def test_it_ranks_an_exact_style_match_first_with_scores_and_reasons(page, directory):
    page.goto(reverse("questionnaire:start"))
    assert_accessible(page)

    answer_questionnaire(page)
    page.get_by_role("button", name=re.compile("show my matches")).click()

    expect(page).to_have_url(re.compile(r"/c/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your matches")
    results_url = page.url

    ranked = expected_order(directory["ranked"])
    assert ranked[0].name == "Dana Exact"
    cards = page.get_by_role("article")
    expect(cards).to_have_count(len(ranked))
    for card, therapist in zip(cards.all(), ranked, strict=True):
        expect(card.get_by_role("heading", level=3)).to_contain_text(therapist.name)
        score = floatformat(fit_score(PREFERENCES, therapist.style()), 0)
        expect(card).to_contain_text(f"{score}/100 fit")
        # Each weighted scale once: the strongest, the largest difference, then the rest in registry order.
        reasons = explain(PREFERENCES, therapist.style())
        strongest, difference = strongest_reasons(reasons), largest_difference(reasons)
        said = {reason.key for reason in strongest} | ({difference.key} if difference else set())
        # The strongest and the largest difference as sentences; every weighted scale as one compact track, those
        # without a sentence named by their own for screen readers.
        expect(card.locator("ul.strongest > li")).to_have_text([why_it_fits(reason) for reason in strongest])
        if difference:
            expect(card.locator(".largest-difference")).to_have_text(
                f"Where you differ most: {where_you_differ(difference)}"
            )
        expect(card.locator(".tracks > div")).to_have_count(len(reasons))
        others = [reason.text for reason in reasons if reason.key not in said]
        expect(card.get_by_role("img")).to_have_count(len(others))
        for index, text in enumerate(others):
            expect(card.get_by_role("img").nth(index)).to_have_accessible_name(text)
    top = cards.first
    expect(top).to_contain_text("100/100 fit")
    expect(top).to_contain_text("Gentle or direct: right where you asked (direct). This matters a lot to you.")
    for absent in directory["absent"]:
        expect(page.get_by_role("article", name=absent.name)).to_have_count(0)
    offline = [t for t in directory["absent"] if t.is_published and not t.offers_online]
    expect(page.get_by_text(f"{len(offline)} therapist does not see clients online.")).to_be_visible()
    assert_accessible(page)

    again = page.context.new_page()
    again.goto(results_url)
    expect(again.get_by_role("article").get_by_role("heading", level=3)).to_have_text(
        [re.compile(re.escape(t.name)) for t in ranked]
    )
    again.close()


def test_it_explains_a_missing_state_next_to_the_field_and_keeps_the_answers(page, directory):
    page.goto(reverse("questionnaire:start"))
    click_label(page.get_by_role("group", name="How you would like to meet"), "In person")
    page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("questionnaire:start")) + "$"))
    state = page.get_by_label("State you live in")
    expect(state).to_have_attribute("aria-invalid", "true")
    expect(state).to_have_accessible_description(re.compile("Please choose the state you live in."))
    expect(page.locator("#div_id_state").get_by_text("Please choose the state you live in.")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Some answers need another look")
    expect(page.get_by_role("radio", name="In person")).to_be_checked()
    assert_accessible(page)


def test_it_fits_the_results_on_a_phone_screen(page, directory):
    page.set_viewport_size({"width": 390, "height": 844})
    _client, token = factories.make_client(
        directness_point=6,
        directness_importance=3,
        approach_point=2,
        approach_importance=2,
        structure_point=5,
        structure_importance=2,
        session_format="online",
    )
    page.goto(reverse("questionnaire:results", args=[token]))
    expect(page.get_by_role("article")).to_have_count(len(directory["ranked"]))

    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["client"] <= 390
    assert widths["scroll"] <= widths["client"], widths
