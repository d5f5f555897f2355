"""A client answers the questionnaire in steps, goes back, changes an answer from the review, reads the
results with what the filters removed, and refines them on the page. axe-core runs on every page visited."""

from __future__ import annotations

import re

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.dimensions import DIMENSIONS
from matchmaker.scoring import fit_score
from questionnaire.forms import LAST_STEP, STYLE_INTRO
from questionnaire.models import Client
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the client asks for on the style steps: directly (6) matters a lot, coping skills (2) quite a bit,
# a structured therapist (5) quite a bit, answered with the keyboard only.
PREFERENCES = {d.key: (None, 0) for d in DIMENSIONS} | {
    "directness": (6, 3),
    "approach": (2, 2),
    "structure": (5, 2),
}


@pytest.fixture
def directory():
    ohio = {"states": ("OH",), "insurance_plans": ("aetna",), "concerns": ("anxiety",), "languages": ("en",)}
    return {
        "exact": factories.make_therapist(name="Dana Exact", fee=120, directness=6, approach=2, structure=5, **ohio),
        "near": factories.make_therapist(name="Blake Near", fee=180, directness=5, approach=3, structure=5, **ohio),
        "far": factories.make_therapist(name="Casey Far", fee=100, directness=1, approach=7, structure=1, **ohio),
        "elsewhere": factories.make_therapist(name="Cal Elsewhere", states=("CA",), insurance_plans=("aetna",)),
        "full": factories.make_therapist(name="Fiona Full", accepting_new_clients=False, **ohio),
        "self_pay": factories.make_therapist(
            name="Sam Selfpay", fee=90, directness=6, approach=2, structure=4, states=("OH",), concerns=("anxiety",)
        ),
    }


def expected_order(therapists):
    return sorted(therapists, key=lambda t: (-fit_score(PREFERENCES, t.style()), t.pk))


def on_step(page, number):
    expect(page.get_by_role("progressbar", name=f"Step {number} of {LAST_STEP}")).to_be_visible()
    expect(page.get_by_text(f"Step {number} of {LAST_STEP}", exact=True)).to_be_visible()
    if number > 1:
        expect(page.get_by_text("This page’s address is private")).to_be_visible()
    assert_accessible(page)


def continue_(page):
    page.get_by_role("button", name=re.compile(r"^Continue")).click()


def choice(page, title, group_name, option):
    style = page.get_by_role("group", name=title, exact=True)
    return style.get_by_role("group", name=group_name).get_by_role("radio", name=option, exact=True)


def test_it_walks_through_the_steps_with_back_and_a_change_then_refines_the_results(page, directory):
    page.goto(reverse("questionnaire:start"))
    expect(page.get_by_role("heading", level=1)).to_have_text("What would you like in a therapist?")
    on_step(page, 1)
    page.get_by_label("State you live in").select_option("OH")
    page.get_by_role("radio", name="Online").check()
    page.get_by_role("checkbox", name=re.compile("^Keep my answers")).check()
    continue_(page)

    on_step(page, 2)
    token = re.search(r"/c/([\w-]+)/questions/2/$", page.url).group(1)
    page.get_by_label("Most you can pay per session (USD)").fill("150")
    page.get_by_label("Insurance you would like to use").select_option(label="Aetna")
    continue_(page)

    on_step(page, 3)
    page.get_by_role("checkbox", name="Anxiety", exact=True).check()
    page.get_by_role("checkbox", name="English", exact=True).check()
    page.get_by_role("button", name="Back").click()

    # Back kept step 2 as it was saved, and saved what was ticked on step 3.
    on_step(page, 2)
    expect(page.get_by_label("Most you can pay per session (USD)")).to_have_value("150")
    expect(page.get_by_label("Insurance you would like to use")).to_have_value("aetna")
    continue_(page)
    on_step(page, 3)
    expect(page.get_by_role("checkbox", name="Anxiety", exact=True)).to_be_checked()
    continue_(page)

    on_step(page, 4)
    expect(page.get_by_role("radio", name="No preference").first).to_be_checked()
    continue_(page)

    on_step(page, 5)
    expect(page.get_by_text(STYLE_INTRO)).to_be_visible()
    choice(page, "Gentle or direct", re.compile("your preferred point"), "6").check()
    choice(page, "Gentle or direct", "How much does this matter to you?", "A lot").check()
    continue_(page)

    on_step(page, 6)
    choice(page, "Coping skills or old patterns", re.compile("your preferred point"), "2").check()
    # "Quite a bit" is where the importance starts: clicking it again keeps it and focuses it.
    choice(page, "Coping skills or old patterns", "How much does this matter to you?", "Quite a bit").click()
    # Keyboard only for structure: Tab to its scale, arrows to 5; Tab to importance, already on "Quite a bit".
    page.keyboard.press("Tab")
    expect(choice(page, "Open or structured", re.compile("your preferred point"), "No preference")).to_be_focused()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    expect(choice(page, "Open or structured", "How much does this matter to you?", "Quite a bit")).to_be_focused()
    expect(choice(page, "Open or structured", re.compile("your preferred point"), "5")).to_be_checked()
    expect(choice(page, "Open or structured", "How much does this matter to you?", "Quite a bit")).to_be_checked()
    continue_(page)

    on_step(page, 7)
    expect(page.get_by_role("button", name="Continue to review")).to_be_visible()
    continue_(page)

    # The review lists every answer; change the fee from it and come straight back.
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    assert_accessible(page)
    expect(page.get_by_text("$150 a session")).to_be_visible()
    expect(page.get_by_text("6 of 7: leaning towards direct. Matters: a lot.")).to_be_visible()
    page.get_by_role("link", name="Change the answer to: Most you can pay per session (USD)").click()
    on_step(page, 2)
    page.get_by_label("Most you can pay per session (USD)").fill("200")
    page.get_by_role("button", name="Save and return to the review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(page.get_by_text("$200 a session")).to_be_visible()
    page.get_by_role("button", name=re.compile("show my matches")).click()

    # Results: ranked with scores, and what each filter removed in plain words.
    expect(page).to_have_url(re.compile(rf"/c/{re.escape(token)}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your matches")
    assert_accessible(page)
    ranked = expected_order([directory["exact"], directory["near"], directory["far"]])
    expect(page.get_by_role("article").get_by_role("heading", level=3)).to_have_text(
        [re.compile(re.escape(t.name)) for t in ranked]
    )
    for therapist in ranked:
        score = floatformat(fit_score(PREFERENCES, therapist.style()), 0)
        expect(page.get_by_role("article", name=therapist.name)).to_contain_text(f"{score}/100 fit")
    removals = page.locator(".removals li")
    expect(removals).to_have_text(
        [
            "1 therapist is not licensed in Ohio.",
            "1 therapist is not taking new clients.",
            "1 therapist does not take Aetna.",
        ]
    )
    expect(page.get_by_text(f"3 of {len(directory)} therapists in the directory fit your needs")).to_be_visible()

    # Refine on its own page, linked after the first cards: drop the insurance, and let directness matter only a little.
    page.get_by_role("link", name="refine your results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Refine your results")
    refine = page.locator("form[action$='/refine/']")
    refine.get_by_label("Insurance you would like to use").select_option(label="No insurance, or I will pay myself")
    refine.get_by_role("group", name="How much does “gentle or direct” matter to you?").get_by_role(
        "radio", name="A little"
    ).check()
    assert_accessible(page)
    refine.get_by_role("button", name="Update my matches").click()

    expect(page.get_by_text("Your matches are updated.")).to_be_visible()
    assert_accessible(page)
    PREFERENCES["directness"] = (6, 1)
    try:
        ranked = expected_order([directory["exact"], directory["near"], directory["far"], directory["self_pay"]])
        expect(page.get_by_role("article").get_by_role("heading", level=3)).to_have_text(
            [re.compile(re.escape(t.name)) for t in ranked]
        )
    finally:
        PREFERENCES["directness"] = (6, 3)
    expect(page.locator(".removals li")).to_have_count(2)
    client = Client.objects.get()
    assert (client.insurance, client.directness_importance, client.max_fee) == ("", 1, 200)
    assert client.completed_at is not None


def test_it_says_which_need_to_relax_when_nothing_is_left(page, directory):
    _, token = factories.make_client(state="OH", insurance="aetna", max_fee=50, furthest_step=LAST_STEP)
    # Everyone else in Ohio and taking clients takes Aetna but charges more than $50; Sam fails both.
    too_dear_only = [
        t
        for t in directory.values()
        if t.accepting_new_clients and t.licensed_states.filter(pk="OH").exists() and t.insurance_plans.exists()
    ]

    page.goto(reverse("questionnaire:results", args=[token]))

    expect(page.get_by_role("heading", name="No therapist fits all of your needs yet")).to_be_visible()
    suggestion = page.locator(".relax-suggestion")
    expect(suggestion).to_contain_text("charge more than $50 a session")
    expect(suggestion).to_contain_text(f"Relaxing only this need would show {len(too_dear_only)} therapists.")
    assert_accessible(page)
    suggestion.get_by_role("link", name="Change it below").click()
    expect(page).to_have_url(re.compile("#div_id_max_fee$"))
    expect(page.get_by_label("Most you can pay per session (USD)")).to_be_in_viewport()


def test_it_shows_a_missing_state_next_to_the_field_and_keeps_the_answer(page, directory):
    page.goto(reverse("questionnaire:start"))
    page.get_by_role("radio", name="In person").check()
    continue_(page)

    state = page.get_by_label("State you live in")
    expect(state).to_have_attribute("aria-invalid", "true")
    expect(state).to_have_accessible_description(re.compile("Please choose the state you live in."))
    expect(page.get_by_role("alert")).to_contain_text("Some answers need another look")
    expect(page.get_by_role("radio", name="In person")).to_be_checked()
    assert_accessible(page)
    assert Client.objects.count() == 0


def test_a_style_step_fits_a_phone_screen(page):
    page.set_viewport_size({"width": 390, "height": 844})
    _, token = factories.make_client(furthest_step=LAST_STEP)

    for number in (1, 3, 5):
        page.goto(reverse("questionnaire:step", args=[token, number]))
        widths = page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
        )
        assert widths["client"] <= 390
        assert widths["scroll"] <= widths["client"], (number, widths)
        assert_accessible(page)
