"""A client who would meet in person gives a ZIP code we know; one in another state is a question, not a crash."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict
from django.test import Client as Browser
from django.urls import reverse
from django.utils.html import escape

from questionnaire.forms import RefineForm
from questionnaire.models import Client
from tests.factories import make_client, questionnaire_step_post

pytestmark = pytest.mark.django_db

OTHER_STATE = "43215 is in Ohio, but you chose Kentucky. Therapists must be licensed where you live: is Kentucky right?"


def post_step_1(browser: Browser, token: str, **answers: object) -> tuple[int, str]:
    url = reverse("questionnaire:step", args=[token, 1])
    response = browser.post(url, questionnaire_step_post(1, **answers))
    return response.status_code, response.content.decode()


@pytest.fixture
def saved() -> tuple[Client, str]:
    return make_client(state="OH", session_format="in_person", zip_code="43215", max_distance=10, furthest_step=1)


@pytest.mark.parametrize(
    ("zip_code", "message"),
    [
        ("4321", "Please enter a ZIP code of 5 digits, like 43215."),
        ("432155", "Please enter a ZIP code of 5 digits, like 43215."),
        ("4321a", "Please enter a ZIP code of 5 digits, like 43215."),
        ("４３２１５", "Please enter a ZIP code of 5 digits, like 43215."),  # full-width digits
        ("00000", "00000 is not a US ZIP code we know. Please check it."),
        ("", "Please enter your ZIP code, so that we can show offices near you."),
    ],
)
def test_a_zip_code_that_is_not_one_gets_a_message_next_to_it_and_nothing_is_saved(
    client: Browser, saved: tuple[Client, str], zip_code: str, message: str
) -> None:
    before, token = saved

    status, html = post_step_1(client, token, state="OH", session_format="either", zip_code=zip_code)

    assert status == 400
    assert escape(message) in html
    assert model_to_dict(Client.objects.get(pk=before.pk)) == model_to_dict(before)


def test_a_zip_code_in_another_state_asks_whether_the_state_is_right(
    client: Browser, saved: tuple[Client, str]
) -> None:
    before, token = saved

    status, html = post_step_1(client, token, state="KY", session_format="in_person", zip_code="43215")

    assert status == 400
    assert escape(OTHER_STATE) in html
    assert 'name="state_is_right"' in html
    assert 'value="KY" selected' in html  # what they chose is kept on the page
    assert model_to_dict(Client.objects.get(pk=before.pk)) == model_to_dict(before)


def test_confirming_the_state_saves_both(client: Browser, saved: tuple[Client, str]) -> None:
    before, token = saved

    status, _ = post_step_1(
        client, token, state="KY", session_format="in_person", zip_code="43215", state_is_right="on"
    )

    assert status == 302
    after = Client.objects.get(pk=before.pk)
    assert (after.state, after.zip_code) == ("KY", "43215")


def test_changing_the_state_instead_saves_without_a_question(client: Browser, saved: tuple[Client, str]) -> None:
    before, token = saved

    status, _ = post_step_1(client, token, state="OH", session_format="in_person", zip_code="43215", max_distance="50")

    assert status == 302
    after = Client.objects.get(pk=before.pk)
    assert (after.state, after.zip_code, after.max_distance) == ("OH", "43215", 50)


def test_the_confirmation_box_is_not_shown_without_a_question(client: Browser, saved: tuple[Client, str]) -> None:
    _, token = saved

    html = client.get(reverse("questionnaire:step", args=[token, 1])).content.decode()

    assert 'name="zip_code"' in html
    assert 'name="max_distance"' in html
    assert 'name="state_is_right"' not in html


def test_an_online_client_needs_no_zip_code(client: Browser, saved: tuple[Client, str]) -> None:
    before, token = saved

    status, _ = post_step_1(client, token, state="OH", session_format="online", zip_code="")

    assert status == 302
    assert Client.objects.get(pk=before.pk).session_format == "online"


@pytest.mark.parametrize("distance", ["7", "100", "0", "far"])
def test_a_distance_other_than_the_four_offered_is_refused(
    client: Browser, saved: tuple[Client, str], distance: str
) -> None:
    before, token = saved

    status, html = post_step_1(client, token, state="OH", session_format="in_person", max_distance=distance)

    assert status == 400
    assert f"{distance} is not one of the available choices" in html
    assert Client.objects.get(pk=before.pk).max_distance == 10


def test_the_refine_form_asks_the_same_question_about_the_state() -> None:
    client, _ = make_client(state="OH", session_format="either", zip_code="43215")
    data = {"state": "KY", "session_format": "either", "zip_code": "43215", "max_distance": "25"}
    data |= {f"{key}_importance": "0" for key in ("directness", "responsiveness", "approach", "structure",
                                                   "challenge", "intensity")}  # fmt: skip

    asked = RefineForm(data, instance=client)
    confirmed = RefineForm({**data, "state_is_right": "on"}, instance=client)

    assert not asked.is_valid()
    assert OTHER_STATE in asked.errors["zip_code"][0]
    assert asked["state_is_right"] in asked.practical_fields()
    assert confirmed.is_valid(), confirmed.errors
