"""The questionnaire and the results work with JavaScript switched off."""

from __future__ import annotations

import re

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.dimensions import DIMENSIONS
from matchmaker.scoring import fit_score
from questionnaire.forms import LAST_STEP, STEPS
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The client wants warm support (2 of 7) and says it matters a lot; nothing else.
PREFERENCES = {d.key: (None, 0) for d in DIMENSIONS} | {"challenge": (2, 3)}


def test_it_takes_the_questionnaire_and_shows_matches_without_javascript(page_without_js):
    page = page_without_js
    close = factories.make_therapist(name="Dana Close", challenge=2)
    far = factories.make_therapist(name="Casey Far", challenge=7)

    page.goto(reverse("questionnaire:start"))
    page.get_by_label("State you live in").select_option("CA")
    page.get_by_role("radio", name="Online").check()
    page.get_by_role("checkbox", name=re.compile("^Keep my answers")).check()
    asks_challenge = next(s.number for s in STEPS if "challenge_point" in (s.form_class._meta.fields or ()))
    for _ in range(1, asks_challenge):
        page.get_by_role("button", name="Continue", exact=True).click()
    challenge = page.get_by_role("group", name="Support or challenge", exact=True)
    challenge.get_by_role("radio", name="2", exact=True).check()
    challenge.get_by_role("group", name="How much does this matter to you?").get_by_role("radio", name="A lot").check()
    for _ in range(asks_challenge, LAST_STEP + 1):
        page.get_by_role("button", name=re.compile(r"^Continue")).click()
    page.get_by_role("button", name=re.compile("show my matches")).click()

    expect(page).to_have_url(re.compile(r"/c/[\w-]+/$"))
    names = page.get_by_role("article").get_by_role("heading", level=3)
    expect(names).to_have_text([re.compile(close.name), re.compile(far.name)])
    for therapist in (close, far):
        score = floatformat(fit_score(PREFERENCES, therapist.style()), 0)
        expect(page.get_by_role("article", name=therapist.name)).to_contain_text(f"{score}/100 fit")
