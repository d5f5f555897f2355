"""The review names the ZIP code and the distance of a client who would meet in person, and not otherwise."""

from __future__ import annotations

import pytest

from questionnaire.forms import review_sections
from tests.factories import make_client

pytestmark = pytest.mark.django_db


def first_step_answers(**answers: object) -> dict[str, str]:
    client, _ = make_client(state="OH", **answers)
    return {answer.question: answer.answer for answer in review_sections(client)[0].answers}


def test_an_in_person_client_reads_their_zip_code_and_distance() -> None:
    answers = first_step_answers(session_format="in_person", zip_code="43215", max_distance=10)

    assert answers["Your ZIP code"] == "43215"
    assert answers["How far you would travel to an office"] == "10 miles"


def test_an_online_client_is_not_told_about_a_distance() -> None:
    answers = first_step_answers(session_format="online", zip_code="43215")

    assert "Your ZIP code" not in answers
    assert "How far you would travel to an office" not in answers
    assert answers["How you would like to meet"] == "Online"
