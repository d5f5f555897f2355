"""A therapist's style step starts unanswered and cannot be saved until every scale is answered."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS
from profiles.models import Therapist
from tests.factories import UNANSWERED_STYLE, make_therapist_user, style_step_post
from tests.html_helpers import chosen

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(client: Browser) -> Therapist:
    therapist = make_therapist_user("sam", status=Therapist.Status.DRAFT, **UNANSWERED_STYLE)
    client.force_login(therapist.user)
    return therapist


def step_url(therapist: Therapist) -> str:
    return reverse("profiles:edit_step", args=[therapist.pk, "style"])


def test_it_starts_with_no_point_chosen_on_any_scale(client: Browser, newcomer: Therapist) -> None:
    content = client.get(step_url(newcomer)).content.decode()

    values = chosen(content)
    for dimension in DIMENSIONS:
        assert content.count(f'type="radio" name="{dimension.key}"') == 7
        assert dimension.key not in values
        assert values[dimension.high_field] == {""}


def test_it_refuses_an_untouched_post_with_a_message_next_to_each_scale(client: Browser, newcomer: Therapist) -> None:
    untouched = {field: "" for d in DIMENSIONS for field in (d.key, d.high_field, d.note_field)}
    untouched["directness_note"] = "I say what I see."

    response = client.post(step_url(newcomer), untouched)

    assert response.status_code == 400
    content = response.content.decode()
    assert content.count("Please choose where you stand on this scale.") == len(DIMENSIONS)
    assert "I say what I see." in content  # what was typed is kept for the next try
    newcomer.refresh_from_db()
    assert newcomer.style_saved_at is None
    assert newcomer.style() == {}
    assert newcomer.directness_note == ""
    assert "your answers to the six questions about how you work" in newcomer.missing_for_submission()


def test_it_refuses_a_post_with_one_scale_left_unanswered(client: Browser, newcomer: Therapist) -> None:
    post = {d.key: "3" for d in DIMENSIONS}
    post["intensity"] = ""

    response = client.post(step_url(newcomer), post)

    assert response.status_code == 400
    assert response.content.decode().count("Please choose where you stand on this scale.") == 1
    newcomer.refresh_from_db()
    assert newcomer.style_saved_at is None


def test_it_counts_the_profile_complete_once_every_scale_is_answered(client: Browser, newcomer: Therapist) -> None:
    response = client.post(step_url(newcomer), {d.key: "4" for d in DIMENSIONS})

    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.style() == dict.fromkeys(newcomer.style(), 4)
    assert len(newcomer.style()) == 6
    assert "your answers to the six questions about how you work" not in newcomer.missing_for_submission()


def test_an_existing_answer_is_shown_chosen(client: Browser) -> None:
    therapist = make_therapist_user("kim", directness=2, directness_high=4)
    client.force_login(therapist.user)
    values = chosen(client.get(step_url(therapist)).content.decode())

    assert values["directness"] == {"2"}
    assert values["directness_high"] == {"4"}
    assert values["responsiveness"] == {"4"}
    assert values["responsiveness_high"] == {""}
    assert style_step_post(therapist)["directness_high"] == "4"
