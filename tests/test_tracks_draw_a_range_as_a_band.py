"""A therapist's range is drawn as a band on the profile, the results cards and compare, and said in words."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from questionnaire.forms import LAST_STEP
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def test_the_profile_draws_a_band_and_says_the_range(client: Browser) -> None:
    dana = make_therapist(name="Dana", directness=3, directness_high=5, approach=6)

    html = client.get(reverse("questionnaire:therapist", args=[dana.pk])).content.decode()

    assert '<span class="track-band from-3 to-5"></span>' in html
    assert "They are from 3 to 5 of 7, between leaning gentle and leaning direct, depending on the client." in html
    assert '<span class="track-therapist at-6"></span>' in html


def test_a_results_card_draws_the_band_and_reads_the_range(client: Browser) -> None:
    make_therapist(name="Dana", directness=3, directness_high=5)
    _, token = make_client(directness_point=7, directness_importance=3, furthest_step=LAST_STEP)

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    # The card's compact track draws the band; its one sentence says the range in words.
    assert '<span class="band f3 t5 c7"></span>' in html
    assert "they are between leaning gentle and leaning direct, depending on the client" in html
    # Two steps from the nearer end: 100 × (1 − 2 ÷ 6)
    assert '<span class="fit-number" aria-hidden="true">67</span>' in html


def test_compare_draws_the_band_with_its_words(client: Browser) -> None:
    dana = make_therapist(name="Dana", directness=3, directness_high=5)
    blake = make_therapist(name="Blake", directness=6)
    owner, token = make_client(directness_point=7, directness_importance=3, furthest_step=LAST_STEP)
    owner.shortlist.create(therapist=dana)
    owner.shortlist.create(therapist=blake)

    url = reverse("questionnaire:compare", args=[token]) + f"?therapist={dana.pk}&therapist={blake.pk}"
    html = client.get(url).content.decode()

    assert '<span class="track-band from-3 to-5"></span>' in html
    assert "They are from 3 to 5 of 7, between leaning gentle and leaning direct, depending on the client." in html
    assert '<span class="track-therapist at-6"></span>' in html
