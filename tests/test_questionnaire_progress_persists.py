"""Progress is saved after every step: reopening any step, in any browser, shows what was saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS
from questionnaire.forms import STEPS
from tests.factories import questionnaire_step_post
from tests.html_helpers import chosen

pytestmark = pytest.mark.django_db

ANSWERS: dict[int, dict[str, Any]] = {
    1: {"state": "WA", "session_format": "online"},
    2: {"max_fee": "110", "needs_sliding_scale": "on", "insurance": "kaiser"},
    3: {"concerns": ["trauma", "identity"], "languages": ["asl"]},
    4: {
        "therapist_gender": "man",
        "wants_lgbtq_affirming": "on",
        "therapist_faith": "buddhist",
        "therapist_age_range": "under_35",
    },
    **{
        step.number: {
            name: str(3 + index % 4) if name.endswith("_point") else str(index % 4)
            for index, name in enumerate(step.form_class._meta.fields or ())
        }
        for step in STEPS
        if step.is_style
    },
}


def shown_on(browser: Browser, url: str) -> dict[str, set[str]]:
    response = browser.get(url)
    assert response.status_code == 200
    return chosen(response.content.decode())


def expected(answers: dict[str, Any]) -> dict[str, set[str]]:
    return {name: set(value) if isinstance(value, list) else {value} for name, value in answers.items()}


def test_reloading_each_step_after_saving_it_shows_the_saved_answers(client: Browser) -> None:
    assert set(ANSWERS) == {step.number for step in STEPS}
    assert sum(len(a) for n, a in ANSWERS.items() if n > 4) == 2 * len(DIMENSIONS)

    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, **ANSWERS[1]))
    token = response["Location"].split("/")[2]
    first = reverse("questionnaire:step", args=[token, 1])
    assert {name: shown_on(client, first).get(name) for name in ANSWERS[1]} == expected(ANSWERS[1])

    for step in STEPS[1:]:
        url = reverse("questionnaire:step", args=[token, step.number])
        assert client.post(url, questionnaire_step_post(step.number, **ANSWERS[step.number])).status_code == 302
        shown = shown_on(client, url)
        assert {name: shown.get(name) for name in ANSWERS[step.number]} == expected(ANSWERS[step.number])

    # A closed tab loses nothing: another browser with only the link sees every answer.
    elsewhere = Browser()
    for number, answers in ANSWERS.items():
        shown = shown_on(elsewhere, reverse("questionnaire:step", args=[token, number]))
        assert {name: shown.get(name) for name in answers} == expected(answers), number


def test_coming_back_to_the_link_mid_way_continues_where_it_stopped(client: Browser) -> None:
    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, **ANSWERS[1]))
    token = response["Location"].split("/")[2]
    client.post(reverse("questionnaire:step", args=[token, 2]), questionnaire_step_post(2, **ANSWERS[2]))

    # Someone who bookmarked the review, or a later step, lands on the first step still to answer.
    elsewhere = Browser()
    for url in (reverse("questionnaire:edit", args=[token]), reverse("questionnaire:step", args=[token, 6])):
        assert elsewhere.get(url)["Location"] == reverse("questionnaire:step", args=[token, 3])
