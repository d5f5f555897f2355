"""A point a client chooses counts even when they never touch "How much does this matter"."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS
from questionnaire.forms import LAST_STEP, STYLE_STEPS_START
from questionnaire.models import Client
from tests.factories import make_client, make_therapist
from tests.html_helpers import chosen

pytestmark = pytest.mark.django_db


def post_as_shown(browser: Browser, token: str, number: int, **picked: str) -> None:
    """Send a style step the way a browser would: what the page shows chosen, plus the points picked."""
    url = reverse("questionnaire:step", args=[token, number])
    shown = chosen(browser.get(url).content.decode())
    data = {name: next(iter(values)) for name, values in shown.items() if name}
    data.update(picked)
    assert browser.post(url, data).status_code == 302


def test_the_importance_question_starts_on_quite_a_bit(client: Browser) -> None:
    _, token = make_client(furthest_step=STYLE_STEPS_START - 1)
    shown = chosen(client.get(reverse("questionnaire:step", args=[token, STYLE_STEPS_START])).content.decode())

    for dimension in DIMENSIONS[:2]:
        assert shown[dimension.importance_field] == {"2"}


def test_a_point_picked_without_touching_importance_counts_at_quite_a_bit(client: Browser) -> None:
    make_therapist(name="Plain Speaker", directness=7)
    make_therapist(name="Gentle Guide", directness=1)
    owner, token = make_client(furthest_step=STYLE_STEPS_START - 1)

    post_as_shown(client, token, STYLE_STEPS_START, directness_point="7")

    owner = Client.objects.get(pk=owner.pk)
    assert (owner.directness_point, owner.directness_importance) == (7, 2)
    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    assert f"Counting: {DIMENSIONS[0].title} (quite a bit)." in html
    assert '<span class="fit-number" aria-hidden="true">100</span>' in html
    assert '<span class="fit-number" aria-hidden="true">0</span>' in html  # six steps away, the only scale
    assert "Style is not ranking anyone" not in html


def test_no_preference_ignores_its_importance_and_the_step_says_so(client: Browser) -> None:
    owner, token = make_client(furthest_step=LAST_STEP)
    url = reverse("questionnaire:step", args=[token, STYLE_STEPS_START])

    assert "No preference: this scale won’t affect your matches" in client.get(url).content.decode()
    post_as_shown(client, token, STYLE_STEPS_START, directness_point="", directness_importance="3")

    owner = Client.objects.get(pk=owner.pk)
    assert (owner.directness_point, owner.directness_importance) == (None, 3)
    review = client.get(reverse("questionnaire:edit", args=[token])).content.decode()
    assert "No preference: this scale won’t affect your matches." in review
    assert "Matters: a lot" not in review
