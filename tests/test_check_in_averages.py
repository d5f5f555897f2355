"""Check-in answers reach a therapist only as averages, and only once 5 different clients who count have checked in."""

from __future__ import annotations

from statistics import mean

import pytest
from django.template.defaultfilters import floatformat
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import CheckIn
from profiles.models import CHECK_IN_MIN_CLIENTS
from questionnaire.reaching_out import check_ins_publish
from tests.factories import make_check_in, make_consultation_request, make_counted_check_ins, make_therapist_user

pytestmark = pytest.mark.django_db

ANSWERS = [
    {"bond": 4, "goals": 3, "tasks": 2},
    {"bond": 2, "goals": 1, "tasks": 0},
    {"bond": 4, "goals": 4, "tasks": 3},
    {"bond": 1, "goals": 3, "tasks": 2},
    {"bond": 3, "goals": 2, "tasks": 4},
]
EXPLAINED = "Individual answers are never shown"


@pytest.fixture
def robin(client: Browser):
    therapist = make_therapist_user("robin")
    client.force_login(therapist.user)
    return therapist


def test_it_explains_and_shows_no_numbers_below_the_threshold(client: Browser, robin) -> None:
    # Four clients who count, and one more whose check-in came straight after the request.
    make_counted_check_ins(robin, ANSWERS[:4])
    hasty = make_consultation_request(robin)
    make_check_in(robin, client=hasty.client, **ANSWERS[4])
    check_ins_publish(therapist=robin)
    assert CheckIn.objects.filter(therapist=robin).values("client").distinct().count() == CHECK_IN_MIN_CLIENTS

    response = client.get(reverse("profiles:dashboard"))

    assert response.context["check_in_averages"] is None
    content = response.content.decode()
    assert EXPLAINED in content
    assert f"Once {CHECK_IN_MIN_CLIENTS} or more different" in content
    assert "out of 4" not in content


def test_it_shows_the_mean_of_each_question_from_five_clients(client: Browser, robin) -> None:
    make_counted_check_ins(robin, ANSWERS)
    make_counted_check_ins(make_therapist_user("sam"), [dict.fromkeys(ANSWERS[0], 0)] * 5)  # someone else's

    response = client.get(reverse("profiles:dashboard"))

    expected = [(text, mean(answers[name] for answers in ANSWERS)) for name, text in CheckIn.QUESTIONS]
    averages = response.context["check_in_averages"]
    assert [text for text, _ in averages] == [text for text, _ in expected]
    assert [average for _, average in averages] == pytest.approx([average for _, average in expected])
    content = response.content.decode()
    for text, average in expected:
        assert text in content
        assert f"{floatformat(average, 1)} out of 4" in content
    assert EXPLAINED in content
