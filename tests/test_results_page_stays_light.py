"""A results page of twenty full cards stays light enough for an old phone on a slow connection.

Budgets, measured on the HTML as served (uncompressed): at most 60 KB and 900 elements for a page of
20 cards whose therapists filled in everything (long names, a note on every scale) for a client who
weighted every scale and asked for every practical need.
"""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS
from tests.factories import make_client, make_sent_request, make_therapist

pytestmark = pytest.mark.django_db

MAX_BYTES = 60 * 1024
MAX_ELEMENTS = 900


class Elements(HTMLParser):
    """Counts the elements a browser would build from the page (the DOM size Lighthouse reports)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += 1


def element_count(html: str) -> int:
    parser = Elements()
    parser.feed(html)
    return parser.count


def a_full_directory(size: int = 24) -> list:
    therapists = []
    for index in range(size):
        style = {d.key: 1 + (index + position) % 7 for position, d in enumerate(DIMENSIONS)}
        notes = {
            d.note_field: f"With most clients I start here, and we talk it over when it needs to change ({index})"
            for d in DIMENSIONS
        }
        therapists.append(
            make_therapist(
                name=f"Maximiliana Alexandra Featherstonehaugh-Montgomery {index}",
                credentials="PhD, LMFT, LPCC",
                pronouns="she/her",
                license_number=f"LIC-{index}",
                languages=("en", "es", "vi"),
                insurance_plans=("aetna", "bcbs", "cigna", "kaiser"),
                concerns=("anxiety", "depression", "trauma", "grief"),
                sliding_scale=True,
                lgbtq_affirming=True,
                fee=150,
                **style,
                **notes,
            )
        )
    return therapists


def every_need_and_every_scale() -> dict:
    answers = {
        "languages": ["es"],
        "insurance": "aetna",
        "concerns": ["anxiety", "trauma"],
        "max_fee": 200,
        "needs_sliding_scale": True,
        "wants_lgbtq_affirming": True,
    }
    for position, dimension in enumerate(DIMENSIONS):
        answers[dimension.point_field] = 1 + (position * 2) % 7
        answers[dimension.importance_field] = 1 + position % 3
    return answers


@pytest.fixture
def full_page(client: Browser) -> str:
    therapists = a_full_directory()
    person, token = make_client(**every_need_and_every_scale())
    # A client a little way in: two saved, two conversations (one waiting for days), one set aside.
    for therapist in therapists[:2]:
        person.shortlist.create(therapist=therapist)
    make_sent_request(therapists[0], client=person, sent_ago=timedelta(days=4))
    make_sent_request(therapists[1], client=person, sent_ago=timedelta(days=2), answered_after=timedelta(hours=3))
    person.set_aside.create(therapist=therapists[-1])

    response = client.get(reverse("questionnaire:results", args=[token]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="card match-card') == 20
    return html


def test_it_keeps_twenty_full_cards_under_60_kilobytes(full_page: str) -> None:
    assert len(full_page.encode()) <= MAX_BYTES


def test_it_keeps_twenty_full_cards_under_900_elements(full_page: str) -> None:
    assert element_count(full_page) <= MAX_ELEMENTS


def test_the_element_count_counts_elements() -> None:
    assert element_count('<ul><li><a href="#">one</a></li><li>two<br></li></ul><img src="x" alt="">') == 6
