"""A check-in that found a scale off proposes one change, shows what it would do to the top matches, and applies it."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import CheckIn
from matchmaker.dimensions import BY_KEY
from profiles.models import Therapist
from questionnaire.forms import LAST_STEP
from questionnaire.models import Client
from tests.factories import make_client, make_consultation_request, make_therapist

pytestmark = pytest.mark.django_db

TITLE = BY_KEY["directness"].title


@pytest.fixture
def met() -> tuple[Client, str, Therapist]:
    """A client who wants a fairly direct therapist (6 of 7, matters a lot) and wrote to Fay, who is at 6."""
    fay = make_therapist(name="Fay Six", directness=6)
    make_therapist(name="Eli Five", directness=5)
    make_therapist(name="Dot Seven", directness=7)
    owner, token = make_client(
        furthest_step=LAST_STEP, completed_at=timezone.now(), directness_point=6, directness_importance=3
    )
    make_consultation_request(fay, client=owner)
    return owner, token, fay


def check_in(browser: Browser, token: str, therapist: Therapist, step: int) -> str:
    data = {"bond": "1", "goals": "3", "tasks": "2", "again": "unsure", "style_directness": str(step)}
    return browser.post(
        reverse("questionnaire:check_in", args=[token, therapist.pk]), data, follow=True
    ).content.decode()


def test_it_asks_how_each_weighted_scale_came_across_in_the_registrys_words(
    client: Browser, met: tuple[Client, str, Therapist]
) -> None:
    _, token, fay = met

    html = client.get(reverse("questionnaire:check_in", args=[token, fay.pk])).content.decode()

    assert "Compared with what you wanted, they were …" in html
    for answer in ("much more gentle", "a bit more gentle", "about right", "a bit more direct", "much more direct"):
        assert answer in html


def test_it_keeps_the_answer_and_the_point_the_client_had_then(
    client: Browser, met: tuple[Client, str, Therapist]
) -> None:
    _, token, fay = met

    check_in(client, token, fay, 2)

    saved = CheckIn.objects.get()
    assert (saved.style_steps, saved.wanted) == ({"directness": 2}, {"directness": 6})


def test_much_more_direct_proposes_moving_one_step_towards_gentle_and_shows_the_top_three_both_ways(
    client: Browser, met: tuple[Client, str, Therapist]
) -> None:
    _, token, fay = met

    html = check_in(client, token, fay, 2)

    assert f"You found them more direct than you wanted. Move “{TITLE}” from 6 to 5?" in html
    now = html.split('id="top-now"', 1)[1].split("</ol>", 1)[0]
    after = html.split('id="top-after"', 1)[1].split("</ol>", 1)[0]
    assert now.index("Fay Six") < now.index("Eli Five")
    assert "Fay Six · 100% fit" in now
    assert after.index("Eli Five") < after.index("Fay Six") < after.index("Dot Seven")
    assert "Eli Five · 100% fit" in after


def test_about_right_proposes_nothing(client: Browser, met: tuple[Client, str, Therapist]) -> None:
    _, token, fay = met

    html = check_in(client, token, fay, 0)

    assert "A change your check-in suggests" not in html


def test_applying_moves_the_clients_point_once_and_shows_the_new_matches(
    client: Browser, met: tuple[Client, str, Therapist]
) -> None:
    owner, token, fay = met
    check_in(client, token, fay, 2)
    saved = CheckIn.objects.get()
    apply = reverse("questionnaire:check_in_apply", args=[token, saved.pk])

    response = client.post(apply, {"key": "directness", "proposed": "5"}, follow=True)

    owner.refresh_from_db()
    assert owner.directness_point == 5
    assert response.redirect_chain[-1] == (reverse("questionnaire:results", args=[token]), 302)
    assert f"“{TITLE}” is now 5" in response.content.decode()

    again = client.post(apply, {"key": "directness", "proposed": "5"}, follow=True)

    owner.refresh_from_db()
    assert owner.directness_point == 5
    assert "nothing was changed" in again.content.decode()
    result = client.get(reverse("questionnaire:check_in_result", args=[token, saved.pk])).content.decode()
    assert "A change your check-in suggests" not in result


@pytest.mark.parametrize(
    "tampered", [{"key": "directness", "proposed": "1"}, {"key": "structure", "proposed": "5"}, {}]
)
def test_a_stale_or_tampered_confirmation_changes_nothing(
    client: Browser, met: tuple[Client, str, Therapist], tampered: dict[str, str]
) -> None:
    owner, token, fay = met
    check_in(client, token, fay, 2)
    saved = CheckIn.objects.get()

    response = client.post(reverse("questionnaire:check_in_apply", args=[token, saved.pk]), tampered)

    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.directness_point == 6


def test_another_link_cannot_apply_it(client: Browser, met: tuple[Client, str, Therapist]) -> None:
    owner, token, fay = met
    check_in(client, token, fay, 2)
    saved = CheckIn.objects.get()
    _, other = make_client()

    response = client.post(
        reverse("questionnaire:check_in_apply", args=[other, saved.pk]), {"key": "directness", "proposed": "5"}
    )

    assert response.status_code == 404
    owner.refresh_from_db()
    assert owner.directness_point == 6
