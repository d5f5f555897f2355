"""A results card says each weighted scale once: the strongest reasons and the largest difference as sentences,
and one compact track per weighted scale; a track whose scale has no sentence on the card is named by its sentence."""

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


def card_of(html: str, pk: int) -> str:
    start = html.index(f'id="therapist-{pk}"')
    return html[start : html.index("</article>", start)]


def spoken(card: str) -> str:
    """What a screen reader says: the text outside aria-hidden tracks, and the names of the tracks drawn as images."""
    card = re.sub(r'<div aria-hidden="true">.*?</div>', " ", card)
    labels = " ".join(re.findall(r'role="img" aria-label="([^"]*)"', card))
    return " ".join((re.sub(r"<[^>]+>", " ", card) + " " + labels).split())


def test_each_weighted_scale_is_said_once_with_one_compact_track(client: Browser) -> None:
    dana = make_therapist(name="Dana", directness=6, approach=3, structure=5, intensity=5)
    _, token = make_client(**ANSWERS)

    card = card_of(client.get(reverse("questionnaire:results", args=[token])).content.decode(), dana.pk)
    said = spoken(card)

    assert card.count('<div aria-hidden="true">') + card.count('<div role="img"') == 4  # one per weighted scale
    for title in (
        "gentle or direct",
        "coping skills or old patterns",
        "open or structured",
        "calm or emotionally intense",
    ):
        assert said.lower().count(title) == 1, title
    assert said.count("you asked for someone") == 3  # the close directness reason is "right where you asked"
    assert "of 7" not in said  # no second, numeric telling of the same thing for screen readers
    assert "On each scale" not in said


def test_the_sentences_are_the_strongest_reasons_and_the_largest_difference(client: Browser) -> None:
    dana = make_therapist(name="Dana", directness=6, approach=3, structure=5, intensity=5)
    _, token = make_client(**ANSWERS)

    card = card_of(client.get(reverse("questionnaire:results", args=[token])).content.decode(), dana.pk)

    strongest = re.findall(r'<li class="reason-(\w+)">([^<]*)</li>', card)
    assert [closeness for closeness, _ in strongest] == ["close", "close"]
    assert strongest[0][1].startswith("Gentle or direct: right where you asked")
    difference = re.search(r'<p class="largest-difference"><strong>Where you differ most:</strong> ([^<]*)</p>', card)
    assert difference is not None
    assert difference.group(1).startswith("Calm or emotionally intense: you asked for someone very calm")
    # The scale with no sentence is drawn, and named for screen readers by its own sentence.
    assert card.count('role="img" aria-label=') == 1
