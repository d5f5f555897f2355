"""Tampered or out-of-range answers on any step: a message by the field, a 400, nothing saved, the rest kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.forms.models import model_to_dict
from django.test import Client as Browser
from django.urls import reverse
from django.utils.html import escape

from questionnaire.forms import LAST_STEP, MAX_FEE, STEPS
from questionnaire.models import Client
from tests.factories import make_client, questionnaire_step_post
from tests.html_helpers import chosen

pytestmark = pytest.mark.django_db


def invalid_choice(value: str) -> str:
    return f"Select a valid choice. {value} is not one of the available choices."


def step_of(field: str) -> int:
    return next(s.number for s in STEPS if field in (s.form_class._meta.fields or ()))


# (field, tampered value, message next to the field)
TAMPERED = [
    ("state", "ZZ", invalid_choice("ZZ")),
    ("state", "", "Please choose the state you live in."),
    ("session_format", "teleport", invalid_choice("teleport")),
    ("max_fee", "-5", "Please enter an amount of 0 dollars or more."),
    ("max_fee", str(MAX_FEE + 1), f"Please enter an amount up to ${MAX_FEE}"),
    ("max_fee", "9" * 30, f"Please enter an amount up to ${MAX_FEE}"),
    ("max_fee", "lots", "Please enter a whole number of dollars, like 80."),
    ("max_fee", "12.50", "Please enter a whole number of dollars, like 80."),
    ("insurance", "acme", invalid_choice("acme")),
    ("concerns", ["anxiety", "hauntings"], invalid_choice("hauntings")),
    ("languages", ["en", "klingon"], invalid_choice("klingon")),
    ("therapist_gender", "robot", invalid_choice("robot")),
    ("therapist_faith", "jedi", invalid_choice("jedi")),
    ("therapist_age_range", "ancient", invalid_choice("ancient")),
    ("directness_point", "9", invalid_choice("9")),
    ("directness_point", "0", invalid_choice("0")),
    ("responsiveness_point", "lots", invalid_choice("lots")),
    ("directness_importance", "4", invalid_choice("4")),
    ("responsiveness_importance", "-1", invalid_choice("-1")),
    ("approach_point", "8", invalid_choice("8")),
    ("structure_importance", "", "Please say how much this matters to you, even if not at all."),
    ("challenge_importance", "99", invalid_choice("99")),
    ("intensity_point", "3.5", invalid_choice("3.5")),
]
CASES = [pytest.param(field, value, message, id=f"{field}={value!s:.12}") for field, value, message in TAMPERED]

# What the person also chose on each step, which must still be shown after the error.
ALSO_TYPED: dict[int, dict[str, Any]] = {
    1: {"state": "TX", "session_format": "online"},
    2: {"max_fee": "75", "insurance": "cigna", "needs_sliding_scale": "on"},
    3: {"concerns": ["grief", "ocd"], "languages": ["es"]},
    4: {"therapist_gender": "woman", "therapist_faith": "muslim", "therapist_age_range": "over_50"},
}


def typed_for(number: int) -> dict[str, Any]:
    if number in ALSO_TYPED:
        return ALSO_TYPED[number]
    fields = STEPS[number - 1].form_class._meta.fields or ()
    return {name: ("5" if name.endswith("_point") else "2") for name in fields}


def assert_error_shown(response: Any, field: str, message: str, number: int, bad: Any) -> None:
    assert response.status_code == 400
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert escape(message) in html
    assert "Some answers need another look" in html
    shown = chosen(html)
    for name, value in typed_for(number).items():
        if name != field:
            expected = set(value) if isinstance(value, list) else {value}
            assert shown.get(name) == expected, name


@pytest.mark.parametrize(("field", "bad", "message"), CASES)
def test_a_tampered_answer_under_the_link_is_refused_and_nothing_is_saved(
    client: Browser, field: str, bad: Any, message: str
) -> None:
    number = step_of(field)
    saved, token = make_client(
        state="NY", max_fee=120, concerns=["anxiety"], directness_point=2, furthest_step=LAST_STEP
    )
    before = model_to_dict(Client.objects.get())

    data = questionnaire_step_post(number, **{**typed_for(number), field: bad})
    response = client.post(reverse("questionnaire:step", args=[token, number]), data)

    assert_error_shown(response, field, message, number, bad)
    assert model_to_dict(Client.objects.get()) == before


@pytest.mark.parametrize(("field", "bad", "message"), [c for c in CASES if step_of(c.values[0]) == 1])
def test_a_tampered_first_step_creates_no_client(client: Browser, field: str, bad: Any, message: str) -> None:
    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, **{**typed_for(1), field: bad}))

    assert_error_shown(response, field, message, 1, bad)
    assert Client.objects.count() == 0


@pytest.mark.parametrize(("field", "bad", "message"), [c for c in CASES if step_of(c.values[0]) > 1])
def test_a_tampered_answer_from_the_review_is_refused_too(client: Browser, field: str, bad: Any, message: str) -> None:
    number = step_of(field)
    _, token = make_client(furthest_step=LAST_STEP, therapist_faith="hindu")
    before = model_to_dict(Client.objects.get())

    data = questionnaire_step_post(number, **{**typed_for(number), field: bad})
    response = client.post(reverse("questionnaire:change", args=[token, number]), data)

    assert_error_shown(response, field, message, number, bad)
    assert model_to_dict(Client.objects.get()) == before


def test_unknown_extra_fields_are_ignored(client: Browser) -> None:
    _, token = make_client(furthest_step=4)

    data = questionnaire_step_post(5, bravery_point="3", bravery_importance="2", token_hash="0" * 64, furthest_step="7")
    response = client.post(reverse("questionnaire:step", args=[token, 5]), data)

    assert response.status_code == 302
    saved = Client.objects.get_by_token(token)
    assert saved.furthest_step == 5


def test_a_repeated_checkbox_value_is_saved_once(client: Browser) -> None:
    saved, token = make_client(furthest_step=2)

    data = questionnaire_step_post(3, concerns=["trauma", "trauma", "anxiety"], languages=["es", "es"])
    response = client.post(reverse("questionnaire:step", args=[token, 3]), data)

    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.concerns, saved.languages) == (["anxiety", "trauma"], ["es"])


def test_an_empty_post_to_the_start_is_a_form_error(client: Browser) -> None:
    response = client.post(reverse("questionnaire:start"), {})

    assert response.status_code == 400
    assert "state" in response.context["form"].errors
    assert Client.objects.count() == 0
