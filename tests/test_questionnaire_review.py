"""The review page: every answer in plain words, a Change link for each, and confirming shows the matches."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils.html import escape

from matchmaker.dimensions import DIMENSIONS, IMPORTANCE_CHOICES
from matchmaker.matching.explaining import describe_answer
from questionnaire.forms import LAST_STEP, STEPS
from questionnaire.models import Client
from tests.factories import make_client, questionnaire_step_post

pytestmark = pytest.mark.django_db

ANSWERS = {
    "state": "OH",
    "session_format": "in_person",
    "max_fee": 85,
    "needs_sliding_scale": True,
    "insurance": "medicaid",
    "concerns": ["anxiety", "grief"],
    "languages": ["en", "vi"],
    "therapist_gender": "woman",
    "wants_lgbtq_affirming": False,
    "therapist_faith": "",
    "therapist_age_range": "over_50",
    "directness_point": 1,
    "directness_importance": 3,
    "approach_point": 5,
    "approach_importance": 2,
    "intensity_point": 4,
    "intensity_importance": 1,
}


@pytest.fixture
def answered() -> tuple[Client, str]:
    return make_client(**ANSWERS, furthest_step=LAST_STEP)


def review_html(browser: Browser, token: str) -> str:
    response = browser.get(reverse("questionnaire:edit", args=[token]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_every_answer_in_plain_words(client: Browser, answered: tuple[Client, str]) -> None:
    _, token = answered
    html = review_html(client, token)

    plain = [
        "Ohio",
        "In person",
        "$85 a session",
        "Medicaid",
        "Anxiety, Grief and loss",
        "English, Vietnamese",
        "Woman",
        "Over 50",
    ]
    for words in plain:
        assert escape(words) in html, words
    importance = dict(IMPORTANCE_CHOICES)
    for d in DIMENSIONS:
        point = ANSWERS.get(d.point_field)
        assert escape(d.title) in html
        assert escape(describe_answer(d, point)) in html  # type: ignore[arg-type]
        if point is None:  # whatever its importance, a scale without a point is said not to count
            assert escape(f"{describe_answer(d, None)}: this scale won’t affect your matches.") in html
        else:
            assert f"Matters: {importance[ANSWERS.get(d.importance_field, 2)].lower()}" in html  # type: ignore[index]
    assert "No preference" in html  # responsiveness, structure, challenge, and the therapist's faith


def test_it_describes_points_by_their_poles_from_the_registry() -> None:
    d = DIMENSIONS[0]
    assert describe_answer(d, 1) == f"1 of 7: {d.client_low}"
    assert describe_answer(d, 7) == f"7 of 7: {d.client_high}"
    assert describe_answer(d, 4) == "4 of 7: in the middle"
    assert describe_answer(d, 2) == f"2 of 7: leaning towards {d.short_low}"
    assert describe_answer(d, 6) == f"6 of 7: leaning towards {d.short_high}"
    assert describe_answer(d, None) == "No preference"


def test_each_answer_has_a_change_link_to_its_own_step(client: Browser, answered: tuple[Client, str]) -> None:
    _, token = answered
    html = review_html(client, token)

    change = r'href="/c/[\w-]+/answers/(\d+)/#([\w-]+)">Change<span class="visually-hidden"> the answer to: ([^<]+)<'
    links = re.findall(change, html)
    expected = []
    for step in STEPS:
        form = step.form_class()
        if step.is_style:
            expected += [(str(step.number), f"question-{d.key}") for d in form.dimensions()]  # type: ignore[attr-defined]
        else:
            expected += [(str(step.number), f"div_id_{name}") for name in form._meta.fields]
    assert [(number, anchor) for number, anchor, _ in links] == expected
    assert len({name for _, _, name in links}) == len(links)  # every link says what it changes


def test_the_anchor_of_every_change_link_exists_on_its_step(client: Browser, answered: tuple[Client, str]) -> None:
    _, token = answered
    links = re.findall(r'href="(/c/[\w-]+/answers/\d+/)#([\w-]+)"', review_html(client, token))

    for url, anchor in links:
        page = client.get(url)
        assert page.status_code == 200
        assert f'id="{anchor}"' in page.content.decode(), (url, anchor)


def test_a_change_from_the_review_saves_and_returns_to_the_review(
    client: Browser, answered: tuple[Client, str]
) -> None:
    saved, token = answered
    change = reverse("questionnaire:change", args=[token, 2])

    page = client.get(change).content.decode()
    assert "Save and return to the review" in page
    assert 'value="back"' not in page
    response = client.post(change, questionnaire_step_post(2, max_fee="140", insurance="aetna"))

    assert response.status_code == 302
    assert response["Location"] == reverse("questionnaire:edit", args=[token])
    saved.refresh_from_db()
    assert (saved.max_fee, saved.insurance, saved.needs_sliding_scale) == (140, "aetna", False)
    assert "$140 a session" in review_html(client, token)


def test_confirming_the_review_records_when_and_goes_to_the_results(
    client: Browser, answered: tuple[Client, str]
) -> None:
    saved, token = answered
    assert saved.completed_at is None

    response = client.post(reverse("questionnaire:edit", args=[token]))

    assert response["Location"] == reverse("questionnaire:results", args=[token])
    saved.refresh_from_db()
    assert saved.completed_at is not None
    assert (saved.state, saved.max_fee) == ("OH", 85)  # confirming changes no answer
