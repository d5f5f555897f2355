"""A results card says how each weighted scale fits once, in one sentence over its drawn line."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db

ANSWERS = {"directness_point": 6, "directness_importance": 3, "approach_point": 2, "approach_importance": 2,
           "structure_point": 5, "structure_importance": 1, "intensity_point": 1, "intensity_importance": 3,
           "responsiveness_importance": 0, "challenge_importance": 0}  # fmt: skip


def test_each_weighted_scale_is_said_once_with_its_track(client: Browser) -> None:
    dana = make_therapist(name="Dana", directness=6, approach=3, structure=5, intensity=5)
    _, token = make_client(**ANSWERS)

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    start = html.index(f'id="therapist-{dana.pk}"')
    card = html[start : html.index("</article>", start)]
    text = " ".join(re.sub(r"<[^>]+>", " ", card).split())

    assert card.count('<figure class="track') == 4
    for title in (
        "gentle or direct",
        "coping skills or old patterns",
        "open or structured",
        "calm or emotionally intense",
    ):
        assert text.lower().count(title) == 1, title
    assert text.count("you asked for someone") == 3  # the close directness reason is "right where you asked"
    assert "of 7" not in text  # no second, numeric telling of the same thing for screen readers
