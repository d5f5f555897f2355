"""Each results card: the two strongest reasons, the largest difference, practical facts, a shortlist button."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.matching.explaining import where_you_differ, why_it_fits
from matchmaker.scoring import explain, largest_difference, strongest_reasons
from tests.factories import make_client, make_therapist
from tests.html_helpers import from_results

pytestmark = pytest.mark.django_db

ANSWERS = {
    "directness_point": 6,
    "directness_importance": 3,
    "approach_point": 2,
    "approach_importance": 2,
    "structure_point": 5,
    "structure_importance": 1,
    "intensity_point": 1,
    "intensity_importance": 3,
}


def card(html: str, pk: int) -> str:
    start = html.index(f'id="therapist-{pk}"')
    return html[start : html.index("</article>", start)]


def test_it_says_why_a_therapist_fits_and_where_they_differ_most(client: Browser) -> None:
    dana = make_therapist(name="Dana", directness=6, approach=3, structure=5, intensity=5, license_number="A")
    owner, token = make_client(**ANSWERS)

    html = card(client.get(reverse("questionnaire:results", args=[token])).content.decode(), dana.pk)

    reasons = explain(owner.preferences(), dana.style())
    strongest, difference = strongest_reasons(reasons), largest_difference(reasons)
    assert [r.key for r in strongest] == ["directness", "approach"]
    assert difference is not None and difference.key == "intensity"
    for reason in strongest:
        assert why_it_fits(reason) in html
    assert where_you_differ(difference) in html
    assert html.index(why_it_fits(strongest[0])) < html.index(why_it_fits(strongest[1]))


def test_it_shows_the_practical_facts(client: Browser) -> None:
    dana = make_therapist(
        name="Dana",
        offers_in_person=True,
        city="Fresno",
        fee=95,
        sliding_scale=True,
        insurance_plans=("aetna",),
        languages=("en", "es"),
        accepting_new_clients=True,
    )
    _, token = make_client()

    html = card(client.get(reverse("questionnaire:results", args=[token])).content.decode(), dana.pk)

    for fact in ("Online and in person in Fresno", "$95 a session, sliding scale available", "Takes Aetna"):
        assert fact in html, fact
    assert "English, Spanish" in html and "Accepting new clients" in html


def test_its_shortlist_button_posts_and_knows_when_the_therapist_is_saved(client: Browser) -> None:
    dana = make_therapist(name="Dana", license_number="A")
    blake = make_therapist(name="Blake", license_number="B")
    owner, token = make_client()
    owner.shortlist.create(therapist=blake)

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert from_results(reverse("questionnaire:shortlist_add", args=[token, dana.pk]), token) in card(html, dana.pk)
    blake_card = card(html, blake.pk)
    assert "On your shortlist" in blake_card
    assert from_results(reverse("questionnaire:shortlist_remove", args=[token, blake.pk]), token) in blake_card
