"""The questionnaire in steps: each step saves its own answers under the private link and leads to the next."""

from __future__ import annotations

from typing import Any

import pytest
from django.forms.models import model_to_dict
from django.test import Client as Browser
from django.urls import reverse
from django.utils.html import escape

from matchmaker.dimensions import DIMENSIONS
from questionnaire.forms import LAST_STEP, STEPS, STYLE_INTRO
from questionnaire.models import Client
from tests.factories import make_client, questionnaire_step_post

pytestmark = pytest.mark.django_db

PRIVATE = "This page’s address is private"

# One answer for every question after step 1, as the browser would send it ...
POSTED: dict[str, Any] = {
    "max_fee": "90",
    "needs_sliding_scale": "on",
    "insurance": "aetna",
    "concerns": ["grief", "anxiety"],
    "languages": ["es", "en"],
    "therapist_gender": "non_binary",
    "wants_lgbtq_affirming": "on",
    "therapist_faith": "jewish",
    "therapist_age_range": "35_50",
    **{d.point_field: str(1 + index) for index, d in enumerate(DIMENSIONS)},
    **{d.importance_field: str(index % 4) for index, d in enumerate(DIMENSIONS)},
}
# ... and as it is saved: codes in the vocabulary's order, numbers as numbers.
SAVED: dict[str, Any] = {
    "max_fee": 90,
    "needs_sliding_scale": True,
    "insurance": "aetna",
    "concerns": ["anxiety", "grief"],
    "languages": ["en", "es"],
    "therapist_gender": "non_binary",
    "wants_lgbtq_affirming": True,
    "therapist_faith": "jewish",
    "therapist_age_range": "35_50",
    **{d.point_field: 1 + index for index, d in enumerate(DIMENSIONS)},
    **{d.importance_field: index % 4 for index, d in enumerate(DIMENSIONS)},
}


def fields_of(number: int) -> list[str]:
    return list(STEPS[number - 1].form_class._meta.fields or ())


def step_url(token: str, number: int) -> str:
    return reverse("questionnaire:step", args=[token, number])


def test_it_has_seven_steps_with_every_answer_asked_exactly_once() -> None:
    asked = [name for step in STEPS for name in fields_of(step.number)]
    assert LAST_STEP == len(STEPS) == 7
    assert len(asked) == len(set(asked))
    assert set(asked) == {"state", "session_format", "zip_code", "max_distance", *SAVED}


def test_the_start_page_welcomes_and_shows_step_1_of_7(client: Browser) -> None:
    response = client.get(reverse("questionnaire:start"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "What would you like in a therapist?" in html
    assert f"Step 1 of {LAST_STEP}" in html
    assert f'max="{LAST_STEP}" value="1"' in html
    assert 'name="state"' in html
    assert 'name="session_format"' in html
    assert PRIVATE not in html  # nothing is saved yet
    assert 'value="back"' not in html  # there is nowhere to go back to


def test_the_first_valid_step_creates_the_private_link_and_goes_to_step_2(client: Browser) -> None:
    response = client.post(
        reverse("questionnaire:start"), questionnaire_step_post(1, state="OH", session_format="online")
    )

    saved = Client.objects.get()
    token = response["Location"].split("/")[2]
    assert response.status_code == 302
    assert response["Location"] == step_url(token, 2)
    assert Client.objects.get_by_token(token) == saved
    assert (saved.state, saved.session_format, saved.furthest_step) == ("OH", "online", 1)
    assert saved.completed_at is None


@pytest.mark.parametrize("number", range(2, LAST_STEP + 1))
def test_each_step_saves_only_its_own_answers_and_moves_on(client: Browser, number: int) -> None:
    saved, token = make_client(furthest_step=number - 1)
    before = model_to_dict(saved)
    answers = {name: POSTED[name] for name in fields_of(number)}

    response = client.post(step_url(token, number), questionnaire_step_post(number, **answers))

    assert response.status_code == 302
    following = reverse("questionnaire:edit", args=[token]) if number == LAST_STEP else step_url(token, number + 1)
    assert response["Location"] == following
    saved.refresh_from_db()
    after = model_to_dict(saved)
    for name in fields_of(number):
        assert after[name] == SAVED[name], name
    unchanged = {name for name in before if name not in fields_of(number) and name != "furthest_step"}
    assert {name: after[name] for name in unchanged} == {name: before[name] for name in unchanged}
    assert saved.furthest_step == number


def test_saving_an_earlier_step_again_keeps_how_far_the_client_got(client: Browser) -> None:
    saved, token = make_client(furthest_step=5)

    response = client.post(step_url(token, 2), questionnaire_step_post(2, max_fee="60"))

    assert response["Location"] == step_url(token, 3)
    saved.refresh_from_db()
    assert (saved.max_fee, saved.furthest_step) == (60, 5)


@pytest.mark.parametrize("number", range(1, LAST_STEP + 1))
def test_every_step_under_the_link_shows_its_place_and_says_the_address_is_private(
    client: Browser, number: int
) -> None:
    _, token = make_client(furthest_step=LAST_STEP)

    html = client.get(step_url(token, number)).content.decode()

    assert f"Step {number} of {LAST_STEP}" in html
    assert f'max="{LAST_STEP}" value="{number}"' in html
    assert escape(STEPS[number - 1].title) in html
    assert PRIVATE in html
    assert ('value="back"' in html) == (number > 1)


def test_the_first_style_step_opens_with_the_intro_and_the_others_do_not(client: Browser) -> None:
    _, token = make_client(furthest_step=LAST_STEP)
    style_steps = [step for step in STEPS if step.is_style]

    pages = [client.get(step_url(token, step.number)).content.decode() for step in style_steps]

    assert "There is no right answer" in STYLE_INTRO
    assert escape(STYLE_INTRO) in pages[0]
    assert all(escape(STYLE_INTRO) not in page for page in pages[1:])


def test_every_dimension_is_asked_on_a_style_step_in_the_registrys_words(client: Browser) -> None:
    _, token = make_client(furthest_step=LAST_STEP)
    pages = "".join(client.get(step_url(token, s.number)).content.decode() for s in STEPS if s.is_style)

    for d in DIMENSIONS:
        for words in (d.title, d.client_question, d.client_low, d.client_high, d.example_low, d.example_high):
            assert escape(words) in pages, words
        assert f'name="{d.point_field}"' in pages
        assert f'name="{d.importance_field}"' in pages
    assert pages.count(">No preference<") == len(DIMENSIONS)
    for importance in ("Not at all", "A little", "Quite a bit", "A lot"):
        assert pages.count(f"<span>{importance}</span>") == len(DIMENSIONS)


def test_the_last_step_leads_to_the_review_and_confirming_it_completes_the_questionnaire(client: Browser) -> None:
    saved, token = make_client(furthest_step=LAST_STEP - 1)
    review = reverse("questionnaire:edit", args=[token])

    assert client.post(step_url(token, LAST_STEP), questionnaire_step_post(LAST_STEP))["Location"] == review
    assert PRIVATE in client.get(review).content.decode()
    response = client.post(review)

    assert response.status_code == 302
    assert response["Location"] == reverse("questionnaire:results", args=[token])
    saved.refresh_from_db()
    assert saved.completed_at is not None
    assert client.get(response["Location"]).status_code == 200
