"""After reaching out, a client checks in on a first session; a low check-in gets a warm answer and two ways on."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import CheckIn
from matchmaker.dimensions import BY_KEY
from profiles.models import Therapist
from questionnaire.forms import LAST_STEP
from questionnaire.models import Client
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist
from tests.html_helpers import from_results

pytestmark = pytest.mark.django_db

QUESTIONS = [name for name, _ in CheckIn.QUESTIONS]
LOW_HEADING = "It is completely OK if this is not the right match"
HIGH_HEADING = "It sounds like a good start"


ANSWER_ERROR = "Please choose one of the answers."


def answers(bond: int, goals: int, tasks: int, again: str = "yes") -> dict[str, str]:
    return {"bond": str(bond), "goals": str(goals), "tasks": str(tasks), "again": again}


@pytest.fixture
def met() -> tuple[Client, str, Therapist]:
    """A client who answered every step and wrote to Dana Exact."""
    dana = make_therapist(name="Dana Exact")
    owner, token = make_client(furthest_step=LAST_STEP, completed_at=timezone.now())
    make_consultation_request(dana, client=owner)
    return owner, token, dana


def check_in_url(token: str, therapist: Therapist) -> str:
    return reverse("questionnaire:check_in", args=[token, therapist.pk])


def test_the_clients_page_offers_a_check_in_only_after_reaching_out(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    owner, token = make_client()
    results = reverse("questionnaire:results", args=[token])
    assert "how did it feel?" not in client.get(results).content.decode()

    make_consultation_request(dana, client=owner)

    html = client.get(results).content.decode()
    assert "You met Dana Exact: how did it feel?" in html
    assert from_results(check_in_url(token, dana), token) in html


def test_a_check_in_cannot_be_given_for_a_therapist_the_client_never_wrote_to(client: Browser) -> None:
    stranger = make_therapist()
    _, token = make_client()

    assert client.get(check_in_url(token, stranger)).status_code == 404
    assert client.post(check_in_url(token, stranger), answers(4, 4, 4)).status_code == 404
    assert CheckIn.objects.count() == 0


# Our rule: it did not feel right when the client would not go back or any part got "hardly" or "not at all".
@pytest.mark.parametrize(
    ("scores", "felt_right"),
    [
        ((4, 4, 4, "yes"), True),
        ((2, 2, 2, "yes"), True),  # "partly" everywhere is still a start
        ((2, 2, 2, "unsure"), True),
        ((4, 4, 1, "yes"), False),  # one part "hardly" is worth a conversation
        ((0, 4, 4, "yes"), False),
        ((4, 4, 4, "no"), False),  # not going back is the client's own verdict
    ],
)
def test_it_stores_the_check_in_and_answers_by_the_rule(
    client: Browser, met: tuple[Client, str, Therapist], scores: tuple[int, int, int, str], felt_right: bool
) -> None:
    owner, token, dana = met

    response = client.post(check_in_url(token, dana), answers(*scores), follow=True)

    saved = CheckIn.objects.get()
    assert (saved.client, saved.therapist) == (owner, dana)
    assert (saved.bond, saved.goals, saved.tasks, saved.again) == scores
    assert saved.felt_right is felt_right
    assert saved.is_synthetic is False
    assert response.redirect_chain == [(reverse("questionnaire:check_in_result", args=[token, saved.pk]), 302)]
    html = response.content.decode()
    assert (HIGH_HEADING in html) is felt_right
    assert (LOW_HEADING in html) is not felt_right


def test_a_low_check_in_offers_both_ways_on(client: Browser, met: tuple[Client, str, Therapist]) -> None:
    _, token, dana = met

    html = client.post(check_in_url(token, dana), answers(3, 3, 1), follow=True).content.decode()

    assert "A short message is enough" in html
    assert reverse("questionnaire:edit", args=[token]) + "#review-step-" in html
    assert "How you work together." in html
    assert reverse("questionnaire:set_aside", args=[token, dana.pk]) in html


@pytest.mark.parametrize(
    ("low", "hint", "not_hint", "section_asks"),
    [
        ("bond", f"“{BY_KEY['responsiveness'].title.lower()}”", "How you work together.", BY_KEY["directness"].title),
        ("goals", f"“{BY_KEY['approach'].title.lower()}”", "Being yourself with them.", "What brings you"),
        ("tasks", "How you work together.", "What therapy is for.", BY_KEY["directness"].title),
        ("again", "Nothing in particular stood out", "How you work together.", None),
    ],
)
def test_the_hints_follow_the_low_answers_and_link_to_that_part_of_the_review(
    client: Browser, met: tuple[Client, str, Therapist], low: str, hint: str, not_hint: str, section_asks: str | None
) -> None:
    _, token, dana = met
    data = answers(4, 4, 4) | ({low: "no"} if low == "again" else {low: "1"})

    html = client.post(check_in_url(token, dana), data, follow=True).content.decode()

    assert LOW_HEADING in html
    assert hint in html
    assert not_hint not in html
    review = reverse("questionnaire:edit", args=[token])
    (anchor,) = re.findall(rf'href="{re.escape(review)}#?([\w-]*)">Look at your answers again', html)
    if section_asks is None:
        assert anchor == ""
    else:
        review_html = client.get(review).content.decode()
        section = review_html[review_html.index(f'id="{anchor}"') :].split("</section>", 1)[0]
        assert section_asks in section


def test_setting_aside_from_a_low_check_in_shows_the_next_matches(
    client: Browser, met: tuple[Client, str, Therapist]
) -> None:
    owner, token, dana = met
    blake = make_therapist(name="Blake Next")
    client.post(check_in_url(token, dana), answers(1, 1, 1, "no"))
    results = reverse("questionnaire:results", args=[token])

    response = client.post(reverse("questionnaire:set_aside", args=[token, dana.pk]), {"next": results}, follow=True)

    assert response.redirect_chain[-1] == (results, 302)
    html = response.content.decode()
    assert f'id="therapist-{blake.pk}"' in html
    assert f'id="therapist-{dana.pk}"' not in html
    assert owner.set_aside.filter(therapist=dana).exists()


@pytest.mark.parametrize(
    "tampered",
    [
        {"bond": "5"},
        {"goals": "-1"},
        {"tasks": "2.5"},
        {"bond": "four"},
        {"tasks": ""},
        {"again": "maybe"},
        {"again": ""},
        {"bond": "99999999999999999999"},
    ],
)
def test_out_of_range_or_missing_answers_are_a_form_error_and_nothing_is_saved(
    client: Browser, met: tuple[Client, str, Therapist], tampered: dict[str, str]
) -> None:
    _, token, dana = met

    response = client.post(check_in_url(token, dana), answers(3, 3, 3) | tampered)

    assert response.status_code == 400
    html = response.content.decode()
    assert ANSWER_ERROR in html
    (name,) = tampered
    assert f'id="{name}-error"' in html
    assert CheckIn.objects.count() == 0


def test_an_empty_submission_marks_every_question(client: Browser, met: tuple[Client, str, Therapist]) -> None:
    _, token, dana = met

    response = client.post(check_in_url(token, dana), {})

    assert response.status_code == 400
    assert response.content.decode().count(ANSWER_ERROR) == len(QUESTIONS) + 1  # and "would you go back?"
    assert CheckIn.objects.count() == 0


def test_a_check_in_result_belongs_to_its_own_link(client: Browser, met: tuple[Client, str, Therapist]) -> None:
    owner, token, dana = met
    saved = make_check_in(dana, client=owner)
    _, other_token = make_client()

    assert client.get(reverse("questionnaire:check_in_result", args=[token, saved.pk])).status_code == 200
    assert client.get(reverse("questionnaire:check_in_result", args=[other_token, saved.pk])).status_code == 404
    assert client.get(reverse("questionnaire:check_in_result", args=[token, saved.pk + 1])).status_code == 404


def test_the_clients_page_links_to_an_earlier_check_in(client: Browser, met: tuple[Client, str, Therapist]) -> None:
    owner, token, dana = met
    saved = make_check_in(dana, client=owner)

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert from_results(reverse("questionnaire:check_in_result", args=[token, saved.pk]), token) in html
