"""What screen readers hear: the fit score as text rather than an aria-label on a paragraph,
and importance questions that each name their scale, so the six are told apart."""

from __future__ import annotations

import re

import pytest
from django.template.defaultfilters import floatformat
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS
from matchmaker.scoring import fit_score
from questionnaire.forms import STEPS
from tests.factories import answer_questionnaire, make_client, make_therapist

pytestmark = pytest.mark.django_db

IMPORTANCE_LEGEND = re.compile(r'<fieldset class="importance[^"]*">\s*<legend[^>]*>(.*?)</legend>', re.S)


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_the_fit_score_is_visible_text_with_a_spoken_version(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", directness=5)
    owner, token = make_client(directness_point=7, directness_importance=3)
    fit = floatformat(fit_score(owner.preferences(), dana.style()), 0)
    assert fit not in ("0", "100")  # a score that says something

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    score = re.search(r'<p class="fit-score[^"]*"[^>]*>.*?</p>', html, re.S)
    assert score is not None
    assert "aria-label" not in score.group(0)  # not allowed on a paragraph
    assert f'<span class="visually-hidden">Fit score {fit} out of 100</span>' in score.group(0)
    # What sighted readers see, unchanged; hidden from screen readers, which hear the sentence above.
    assert text_of(score.group(0)) == f"Fit score {fit} out of 100{fit}/100 fit"
    assert score.group(0).count('aria-hidden="true"') == 2


def test_each_importance_question_names_its_scale_for_screen_readers(client: Browser) -> None:
    token = answer_questionnaire(client)

    legends = []
    for step in STEPS:
        response = client.get(reverse("questionnaire:step", args=[token, step.number]))
        assert response.status_code == 200
        legends += IMPORTANCE_LEGEND.findall(response.content.decode())

    assert [text_of(legend) for legend in legends] == [
        f"How much does this matter to you? ({d.title})" for d in DIMENSIONS
    ]
    for legend, dimension in zip(legends, DIMENSIONS, strict=True):
        assert f'<span class="visually-hidden"> ({dimension.title})</span>' in legend
