"""A results card explains the same row it was scored from, even when that row lags behind the therapist's own."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from questionnaire.cards import Card
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def test_its_reasons_come_from_the_listing_row_the_score_came_from(client: Browser) -> None:
    dana = make_therapist(name="Dana", directness=7)
    _, token = make_client(directness_point=7, directness_importance=3)
    # The therapist's own row moves on; the listing has not been rebuilt yet.
    Therapist.objects.filter(pk=dana.pk).update(directness=1, directness_high=1)

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert '<span class="fit-number" aria-hidden="true">100</span>' in html
    assert "right where you asked (very direct)" in html
    assert "very gentle" not in html


@pytest.mark.parametrize(("fit", "shown"), [(72.5, 73), (72.49, 72), (0.0, 0), (0.5, 1), (99.5, 100), (100.0, 100)])
def test_the_card_shows_the_fit_as_a_whole_number_halves_up(fit: float, shown: int) -> None:
    card = Card(1, "Dana", "", "", "", "D", fit, (), None, False, (), "Online only", False)
    assert card.score == shown
