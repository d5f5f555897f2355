"""Moving through the questionnaire: Back keeps answers, no skipping ahead, unknown steps and links are not found."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict
from django.test import Client as Browser
from django.urls import reverse

from questionnaire.forms import LAST_STEP
from questionnaire.models import Client
from tests.factories import make_client, questionnaire_step_post
from tests.html_helpers import chosen

pytestmark = pytest.mark.django_db


def step_url(token: str, number: int) -> str:
    return reverse("questionnaire:step", args=[token, number])


def test_back_saves_what_was_typed_on_this_step_then_goes_back(client: Browser) -> None:
    saved, token = make_client(furthest_step=2)

    response = client.post(step_url(token, 3), questionnaire_step_post(3, concerns=["grief"], go="back"))

    assert response.status_code == 302
    assert response["Location"] == step_url(token, 2)
    saved.refresh_from_db()
    assert (saved.concerns, saved.furthest_step) == (["grief"], 3)
    # And Continue from step 2 comes straight back to step 3 with the concern still chosen.
    assert client.post(step_url(token, 2), questionnaire_step_post(2))["Location"] == step_url(token, 3)
    assert chosen(client.get(step_url(token, 3)).content.decode())["concerns"] == {"grief"}


def test_back_with_something_to_fix_says_so_and_saves_nothing(client: Browser) -> None:
    _, token = make_client(furthest_step=2, max_fee=50)

    response = client.post(step_url(token, 2), questionnaire_step_post(2, max_fee="-1", insurance="cigna", go="back"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "go back without saving this step" in html
    assert f'href="{step_url(token, 1)}"' in html
    saved = Client.objects.get()
    assert (saved.max_fee, saved.insurance) == (50, "")


def test_back_from_the_first_step_stays_on_the_way_forward(client: Browser) -> None:
    _, token = make_client(furthest_step=1)

    response = client.post(step_url(token, 1), questionnaire_step_post(1, go="back"))

    assert response["Location"] == step_url(token, 2)


def test_a_tampered_direction_just_moves_on(client: Browser) -> None:
    _, token = make_client(furthest_step=3)

    response = client.post(step_url(token, 4), questionnaire_step_post(4, go="sideways"))

    assert response["Location"] == step_url(token, 5)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("furthest", "asked"), [(0, 2), (1, 3), (2, 7), (4, 6)])
def test_skipping_ahead_goes_to_the_first_unanswered_step_and_saves_nothing(
    client: Browser, method: str, furthest: int, asked: int
) -> None:
    _, token = make_client(furthest_step=furthest)
    before = model_to_dict(Client.objects.get())

    response = getattr(client, method)(step_url(token, asked), questionnaire_step_post(asked, max_fee="10"))

    assert response.status_code == 302
    assert response["Location"] == step_url(token, furthest + 1)
    assert model_to_dict(Client.objects.get()) == before


def test_the_review_before_every_step_is_answered_goes_to_the_first_unanswered_step(client: Browser) -> None:
    saved, token = make_client(furthest_step=LAST_STEP - 2)
    review = reverse("questionnaire:edit", args=[token])

    for method in (client.get, client.post):
        response = method(review)
        assert response.status_code == 302
        assert response["Location"] == step_url(token, LAST_STEP - 1)
    saved.refresh_from_db()
    assert saved.completed_at is None


def test_every_step_is_open_once_all_are_answered(client: Browser) -> None:
    _, token = make_client(furthest_step=LAST_STEP)

    for number in range(1, LAST_STEP + 1):
        assert client.get(step_url(token, number)).status_code == 200


@pytest.mark.parametrize("number", [0, LAST_STEP + 1, 99999])
def test_a_step_that_does_not_exist_is_not_found(client: Browser, number: int) -> None:
    _, token = make_client(furthest_step=LAST_STEP)

    assert client.get(step_url(token, number)).status_code == 404
    assert client.post(step_url(token, number), {"state": "CA"}).status_code == 404
    assert client.get(reverse("questionnaire:change", args=[token, number])).status_code == 404


def test_steps_under_an_unknown_link_are_not_found(client: Browser) -> None:
    _, token = make_client(furthest_step=LAST_STEP)
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")

    for url in (
        step_url(wrong, 2),
        reverse("questionnaire:change", args=[wrong, 2]),
        reverse("questionnaire:edit", args=[wrong]),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, questionnaire_step_post(2)).status_code == 404, url
    assert client.post(reverse("questionnaire:refine", args=[wrong]), {}).status_code == 404


def test_the_questionnaire_pages_refuse_other_methods(client: Browser) -> None:
    _, token = make_client(furthest_step=LAST_STEP)

    for url in (reverse("questionnaire:start"), step_url(token, 2), reverse("questionnaire:edit", args=[token])):
        assert client.put(url).status_code == 405
        assert client.delete(url).status_code == 405
