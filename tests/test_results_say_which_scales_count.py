"""The review and results pages say plainly which style scales rank the matches, and how much."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS
from matchmaker.matching.explaining import style_counting
from questionnaire.forms import LAST_STEP
from tests.factories import make_client, make_therapist
from tests.html_helpers import from_results

pytestmark = pytest.mark.django_db

direct, quiet, skills, structure, challenge, intensity = (d.title for d in DIMENSIONS)


def test_it_names_the_scales_that_count_and_those_that_do_not(client: Browser) -> None:
    make_therapist()
    _, token = make_client(
        directness_point=7,
        directness_importance=3,
        responsiveness_point=2,
        responsiveness_importance=2,
        approach_point=3,
        approach_importance=0,
        structure_importance=3,  # no point: the importance is ignored
        furthest_step=LAST_STEP,
    )
    expected = (
        f"Counting: {direct} (a lot), {quiet} (quite a bit). "
        f"Not counting: {structure}, {challenge}, {intensity} (no preference); {skills} (does not matter to you)."
    )

    for page in ("questionnaire:results", "questionnaire:edit"):
        html = client.get(reverse(page, args=[token])).content.decode()
        assert expected in html, page


def test_it_says_every_scale_counts_when_all_six_are_weighted() -> None:
    preferences = {d.key: (4, 1) for d in DIMENSIONS}

    assert style_counting(preferences).text.endswith("(a little). Every scale counts.")


def test_it_says_plainly_when_style_ranks_no_one_and_how_to_change_it(client: Browser) -> None:
    make_therapist(name="Plain Speaker", directness=7)
    make_therapist(name="Gentle Guide", directness=1)
    _, token = make_client(directness_point=7, directness_importance=0)

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert "Style is not ranking anyone" in html
    assert "Every therapist who fits your needs scores the same." in html
    assert f'href={from_results(reverse("questionnaire:edit", args=[token]), token)}">change your answers</a>' in html
