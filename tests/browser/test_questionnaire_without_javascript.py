"""With JavaScript switched off: every step, Back, a change from the review, the results and refining them."""

from __future__ import annotations

import re

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.dimensions import DIMENSIONS
from matchmaker.scoring import fit_score
from questionnaire.forms import LAST_STEP
from questionnaire.models import Client
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def continue_(page):
    page.get_by_role("button", name=re.compile(r"^Continue")).click()


def test_it_takes_the_questionnaire_in_steps_and_refines_without_javascript(page_without_js):
    page = page_without_js
    warm = factories.make_therapist(name="Dana Warm", challenge=2, languages=("es",), fee=80)
    pushy = factories.make_therapist(name="Casey Pushy", challenge=7, languages=("es",), fee=80)
    english = factories.make_therapist(name="Eli English", challenge=2, languages=("en",), fee=80)

    page.goto(reverse("questionnaire:start"))
    page.get_by_label("State you live in").select_option("CA")
    page.get_by_role("radio", name="Online").check()
    page.get_by_role("checkbox", name=re.compile("^Keep my answers")).check()
    continue_(page)
    expect(page.get_by_text(f"Step 2 of {LAST_STEP}", exact=True)).to_be_visible()
    page.get_by_label("Most you can pay per session (USD)").fill("90")
    continue_(page)
    page.get_by_role("checkbox", name="Spanish").check()
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_text(f"Step 2 of {LAST_STEP}", exact=True)).to_be_visible()
    expect(page.get_by_label("Most you can pay per session (USD)")).to_have_value("90")
    continue_(page)
    expect(page.get_by_role("checkbox", name="Spanish")).to_be_checked()
    for _ in range(3, LAST_STEP):
        continue_(page)
    challenge = page.get_by_role("group", name="Support or challenge", exact=True)
    challenge.get_by_role("radio", name="3", exact=True).check()
    challenge.get_by_role("group", name="How much does this matter to you?").get_by_role("radio", name="A lot").check()
    continue_(page)

    # From the review, change the challenge answer to 2 and come back.
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    page.get_by_role("link", name="Change the answer to: Support or challenge").click()
    page.get_by_role("group", name="Support or challenge", exact=True).get_by_role(
        "radio", name="2", exact=True
    ).check()
    page.get_by_role("button", name="Save and return to the review").click()
    expect(page.get_by_text("2 of 7: leaning towards supportive. Matters: a lot.")).to_be_visible()
    page.get_by_role("button", name=re.compile("show my matches")).click()

    preferences = {d.key: (None, 0) for d in DIMENSIONS} | {"challenge": (2, 3)}
    expect(page).to_have_url(re.compile(r"/c/[\w-]+/$"))
    names = page.get_by_role("article").get_by_role("heading", level=3)
    expect(names).to_have_text([re.compile(warm.name), re.compile(pushy.name)])
    for therapist in (warm, pushy):
        score = floatformat(fit_score(preferences, therapist.style()), 0)
        expect(page.get_by_role("article", name=therapist.name)).to_contain_text(f"{score}/100 fit")
    expect(page.get_by_text("1 therapist does not offer sessions in Spanish.")).to_be_visible()

    # Refine without JavaScript: a plain link to the refine page, the form posts, back to the results.
    page.get_by_role("link", name="refine your results").click()
    refine = page.locator("form[action$='/refine/']")
    refine.get_by_role("checkbox", name="English", exact=True).check()
    refine.get_by_role("button", name="Update my matches").click()

    expect(page.get_by_text("Your matches are updated.")).to_be_visible()
    expect(names).to_have_text(
        [re.compile(t.name) for t in sorted((warm, english), key=lambda t: t.pk)] + [re.compile(pushy.name)]
    )
    assert Client.objects.get().languages == ["en", "es"]
