"""After 3 days without an answer the client is told kindly and offered their next matches; the therapist stays."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_request_sent_ago, make_therapist_user
from tests.html_helpers import from_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    # Directness 7 fits a client who wants 7 best; the others follow in order of distance.
    return [
        make_therapist_user(f"t{point}", name=f"Therapist {point}", directness=point, directness_high=point)
        for point in (7, 6, 5, 4, 3)
    ]


def test_two_days_in_the_page_just_waits(client: Browser, directory) -> None:
    owner, token = make_client(directness_point=7, directness_importance=3)
    sent = make_request_sent_ago(directory[0], days=2.5, client=owner)

    page = client.get(reverse("questionnaire:request_sent", args=[token, sent.pk])).content.decode()

    assert "Your request is on its way." in page and "No answer yet" not in page


def test_after_three_days_it_says_so_and_offers_who_comes_next(client: Browser, directory) -> None:
    owner, token = make_client(directness_point=7, directness_importance=3)
    best, second, third, fourth, _fifth = directory
    sent = make_request_sent_ago(best, days=3.2, client=owner)
    make_request_sent_ago(second, days=1, client=owner, status="replied")

    page = client.get(reverse("questionnaire:request_sent", args=[token, sent.pk])).content.decode()
    results = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert "No answer yet after 3\xa0days" in page
    assert "about one in five therapists never answers an emailed enquiry" in page
    assert "It says nothing about you" in page
    # The next matches leave out everyone already written to: the third, fourth and fifth best.
    offered = [
        name
        for name in ("Therapist 7", "Therapist 6", "Therapist 5", "Therapist 4", "Therapist 3")
        if f">{name}</a>, " in page
    ]
    assert offered == ["Therapist 5", "Therapist 4", "Therapist 3"]
    # The silent therapist is not set aside: still first in the matches, and the results page says why it waits.
    assert not owner.set_aside.exists()
    assert results.index("Therapist 7") < results.index("Therapist 5")
    assert "No answer from Therapist 7 yet, after 3\xa0days." in results
    assert from_results(reverse("questionnaire:request_sent", args=[token, sent.pk]), token) in results


def test_an_answer_or_a_closed_conversation_ends_the_nudge(client: Browser, directory) -> None:
    owner, token = make_client(directness_point=7, directness_importance=3)
    answered = make_request_sent_ago(directory[0], days=5, answered_after_hours=90, client=owner)
    closed = make_request_sent_ago(directory[1], days=5, client=owner, status="closed", closed_by="client")

    for sent in (answered, closed):
        page = client.get(reverse("questionnaire:request_sent", args=[token, sent.pk])).content.decode()
        assert "No answer yet" not in page
    assert "No answer from" not in client.get(reverse("questionnaire:results", args=[token])).content.decode()
