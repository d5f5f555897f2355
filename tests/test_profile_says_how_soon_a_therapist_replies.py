"""A profile says "usually replies within a day / within 3 days" once there are 5 requests to judge by."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_request_sent_ago, make_therapist_user

pytestmark = pytest.mark.django_db


def profile_pages(client: Browser, therapist) -> list[str]:
    _owner, token = make_client()
    return [
        client.get(reverse("questionnaire:therapist", args=[therapist.pk])).content.decode(),
        client.get(reverse("questionnaire:therapist_for_client", args=[token, therapist.pk])).content.decode(),
    ]


def test_four_quick_answers_are_not_enough_to_say_anything(client: Browser) -> None:
    dana = make_therapist_user("dana")
    for days in (5, 6, 7, 8):
        make_request_sent_ago(dana, days=days, answered_after_hours=2)

    for page in profile_pages(client, dana):
        assert "Usually replies" not in page


def test_the_fifth_answer_within_a_day_earns_the_line(client: Browser) -> None:
    dana = make_therapist_user("dana")
    for days in (5, 6, 7, 8, 9):
        make_request_sent_ago(dana, days=days, answered_after_hours=20)

    for page in profile_pages(client, dana):
        assert "Usually replies within a day" in page


def test_answers_after_two_days_say_within_three_days(client: Browser) -> None:
    dana = make_therapist_user("dana")
    for days in (5, 6, 7, 8, 9):
        make_request_sent_ago(dana, days=days, answered_after_hours=50)

    for page in profile_pages(client, dana):
        assert "Usually replies within 3 days" in page and "within a day" not in page


def test_mostly_silence_says_nothing(client: Browser) -> None:
    dana = make_therapist_user("dana")
    make_request_sent_ago(dana, days=5, answered_after_hours=1)
    make_request_sent_ago(dana, days=6, answered_after_hours=1)
    for days in (7, 8, 9):
        make_request_sent_ago(dana, days=days)

    for page in profile_pages(client, dana):
        assert "Usually replies" not in page
