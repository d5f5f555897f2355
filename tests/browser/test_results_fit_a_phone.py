"""On a phone (390 x 844): nothing wider than the screen on the pages a client uses, each scale's answers on one
line, compare as one card per therapist, and "Save to shortlist" keeping the person where they were."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.dimensions import DIMENSIONS
from questionnaire.forms import LAST_STEP, STYLE_STEPS_START
from tests import factories
from tests.browser.csp_helpers import violations, watch_for_violations
from tests.conftest import assert_accessible, guarded_tab

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
STYLE_STEP = STYLE_STEPS_START  # the first style step: two scales, each 1..7 and "No preference"

# Every element whose box reaches past the right edge of the screen (or starts left of it), by a short description.
TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 0.5 || box.left < -0.5) {
      const where = `${Math.round(box.left)}..${Math.round(box.right)}`;
      wide.push(`${element.tagName.toLowerCase()}.${element.className} ${where}`);
    }
  }
  return {wide, scroll: document.documentElement.scrollWidth, width};
}"""


@pytest.fixture
def phone(browser, live_server):
    yield from guarded_tab(browser, live_server, viewport=PHONE)


@pytest.fixture
def phone_without_js(browser, live_server):
    yield from guarded_tab(browser, live_server, viewport=PHONE, java_script_enabled=False)


@pytest.fixture
def directory():
    """Five therapists who filled in everything, with long names and a note on every scale."""
    therapists = []
    for index in range(5):
        style = {d.key: 1 + (index * 2 + position) % 7 for position, d in enumerate(DIMENSIONS)}
        notes = {
            d.note_field: "I start here with most people and we talk it over when it needs to change."
            for d in DIMENSIONS
        }
        therapists.append(
            factories.make_therapist(
                name=f"Maximiliana Featherstonehaugh-Montgomery {index}",
                credentials="PhD, LMFT, LPCC",
                pronouns="she/her",
                license_number=f"LIC-{index}",
                languages=("en", "es", "vi"),
                insurance_plans=("aetna", "bcbs", "cigna", "kaiser"),
                concerns=("anxiety", "depression", "trauma"),
                sliding_scale=True,
                **style,
                **notes,
            )
        )
    return therapists


@pytest.fixture
def weighing_everything(directory):
    answers = {}
    for position, dimension in enumerate(DIMENSIONS):
        answers[dimension.point_field] = 1 + (position * 2) % 7
        answers[dimension.importance_field] = 1 + position % 3
    owner, token = factories.make_client(**answers, furthest_step=LAST_STEP)
    for therapist in directory[:3]:
        owner.shortlist.create(therapist=therapist)
    factories.make_consultation_request(directory[0], client=owner)
    return owner, token


def assert_nothing_wider_than_the_screen(page):
    found = page.evaluate(TOO_WIDE)
    assert found["wide"] == [], found
    assert found["scroll"] <= found["width"], found


def assert_on_one_line(page, options_selector):
    """Every answer of each question starts at the same height: no second row."""
    groups = page.locator(options_selector)
    assert groups.count() > 0
    for index in range(groups.count()):
        tops = (
            groups.nth(index)
            .locator("label")
            .evaluate_all("labels => labels.map(label => Math.round(label.getBoundingClientRect().top))")
        )
        assert len(tops) >= 3
        assert len(set(tops)) == 1, tops
        sizes = (
            groups.nth(index)
            .locator("label")
            .evaluate_all("labels => labels.map(label => [label.offsetWidth, label.offsetHeight])")
        )
        assert all(width >= 24 and height >= 24 for width, height in sizes), sizes  # WCAG 2.2 target size


def test_the_client_pages_fit_a_phone_screen(phone, directory, weighing_everything):
    _, token = weighing_everything
    console = watch_for_violations(phone)
    ids = "&".join(f"therapist={t.pk}" for t in directory[:3])
    pages = [
        reverse("questionnaire:results", args=[token]),
        reverse("questionnaire:therapist_for_client", args=[token, directory[1].pk]),
        reverse("questionnaire:compare", args=[token]) + "?" + ids,
        reverse("questionnaire:shortlist", args=[token]),
        reverse("questionnaire:refine", args=[token]),
        reverse("questionnaire:step", args=[token, STYLE_STEP]),
        reverse("questionnaire:check_in", args=[token, directory[0].pk]),
    ]
    for url in pages:
        phone.goto(url)
        assert_nothing_wider_than_the_screen(phone)
        assert_accessible(phone)
    assert violations(phone, console) == []


def test_a_style_question_keeps_its_scale_on_one_line(phone, weighing_everything):
    _, token = weighing_everything

    phone.goto(reverse("questionnaire:step", args=[token, STYLE_STEP]))

    assert_on_one_line(phone, ".style-question .scale-options")
    labels = phone.locator(".style-question .scale-options").first.locator("label")
    expect(labels).to_have_text(["No preference", "1", "2", "3", "4", "5", "6", "7"])


@pytest.mark.parametrize("width", [320, 390])
def test_the_check_in_answers_stay_on_one_line(browser, live_server, directory, weighing_everything, width):
    _, token = weighing_everything
    for tab in guarded_tab(browser, live_server, viewport={"width": width, "height": 800}):
        tab.goto(reverse("questionnaire:check_in", args=[token, directory[0].pk]))
        assert_on_one_line(tab, ".style-question .scale-options")
        assert_nothing_wider_than_the_screen(tab)
        tab.goto(reverse("questionnaire:step", args=[token, STYLE_STEP]))
        assert_on_one_line(tab, ".style-question .scale-options")
        assert_nothing_wider_than_the_screen(tab)


def test_compare_shows_each_therapist_as_a_card_within_the_screen(phone, directory, weighing_everything):
    _, token = weighing_everything
    ids = "&".join(f"therapist={t.pk}" for t in directory[:3])

    phone.goto(reverse("questionnaire:compare", args=[token]) + "?" + ids)

    cards = phone.locator(".compare-cards article")
    expect(cards).to_have_count(3)
    expect(phone.get_by_role("table")).to_be_hidden()
    width = phone.evaluate("document.documentElement.clientWidth")
    for index in range(3):
        box = cards.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        for dimension in DIMENSIONS:
            expect(cards.nth(index).get_by_text(dimension.title, exact=True)).to_be_visible()
    # Pole names stay apart: a space between them, and room on screen.
    poles = phone.locator(".compare-cards .track-poles").first
    expect(poles).to_have_text(re.compile(r"^\S+ \S+$"))
    gap = poles.locator("span").evaluate_all(
        "spans => spans[1].getBoundingClientRect().left - spans[0].getBoundingClientRect().right"
    )
    assert gap >= 8
    assert_accessible(phone)


def test_saving_to_the_shortlist_stays_in_place_with_javascript(phone, directory, weighing_everything):
    owner, token = weighing_everything
    console = watch_for_violations(phone)
    phone.goto(reverse("questionnaire:results", args=[token]))
    phone.evaluate("window.stillHere = true")
    fourth = phone.get_by_role("article", name=re.compile(f"^{directory[3].name}"))
    fourth.get_by_role("button", name=re.compile("^Save to shortlist")).click()
    button = fourth.locator("button[data-save]")  # the same button, whatever it says now

    expect(button).to_have_text("✓ On your shortlist")
    expect(button).to_have_attribute("aria-disabled", "true")
    expect(phone.locator("#shortlist-status")).to_have_text(f"{directory[3].name} is on your shortlist.")
    expect(phone.get_by_role("region", name="Your page")).to_contain_text("Your shortlist (4 of 5)")
    assert phone.evaluate("window.stillHere === true")  # no navigation: the page was never reloaded
    assert owner.shortlist.filter(therapist=directory[3]).exists()
    assert violations(phone, console) == []
    assert_accessible(phone)


def test_saving_to_the_shortlist_comes_back_to_the_card_without_javascript(
    phone_without_js, directory, weighing_everything
):
    owner, token = weighing_everything
    results = reverse("questionnaire:results", args=[token])
    phone_without_js.goto(results)
    fourth = phone_without_js.get_by_role("article", name=re.compile(f"^{directory[3].name}"))

    fourth.get_by_role("button", name=re.compile("^Save to shortlist")).click()

    expect(phone_without_js).to_have_url(re.compile(re.escape(results) + f"#therapist-{directory[3].pk}$"))
    expect(phone_without_js.get_by_text(f"{directory[3].name} is on your shortlist.")).to_be_visible()
    card = phone_without_js.get_by_role("article", name=re.compile(f"^{directory[3].name}"))
    expect(card.get_by_text("✓ On your shortlist")).to_be_visible()
    assert owner.shortlist.filter(therapist=directory[3]).exists()
