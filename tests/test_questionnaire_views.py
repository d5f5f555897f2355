"""The questionnaire end to end through the test client: answer, see ranked matches, change answers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker import dimensions
from profiles.models import Therapist
from questionnaire.forms import LAST_STEP, STEPS
from questionnaire.models import Client
from tests.factories import answer_questionnaire, make_therapist, questionnaire_step_post
from tests.html_helpers import chosen

pytestmark = pytest.mark.django_db


@dataclass
class Card:
    pk: int
    fit: str
    reasons: list[str]


def cards(html: str) -> list[Card]:
    """The match cards on a results page, top to bottom."""
    found = []
    for chunk in html.split('<li class="card match-card')[1:]:
        pk = int(re.search(r'id="therapist-(\d+)"', chunk).group(1))  # type: ignore[union-attr]
        fit = re.search(r">Fit score (\d+) out of 100<", chunk).group(1)  # type: ignore[union-attr]
        # Each weighted scale once: a strongest reason, the largest difference, or a track named by its sentence.
        reasons = re.findall(
            r'<li class="reason-\w+">(.*?)</li>|<p class="largest-difference"><strong>[^<]*</strong> (.*?)</p>'
            r'|role="img" aria-label="([^"]*)"',
            chunk,
        )
        reasons = ["".join(groups) for groups in reasons]
        found.append(Card(pk, fit, reasons))
    return found


def step_of(field: str) -> int:
    """The number of the questionnaire step that asks `field`."""
    for step in STEPS:
        if field in (step.form_class._meta.fields or ()):
            return step.number
    raise LookupError(field)


def results_url(token: str) -> str:
    return reverse("questionnaire:results", args=[token])


@pytest.fixture
def directory() -> dict[str, Therapist]:
    """Therapists in California with known styles, and some who must never be listed."""
    return {
        # For a client who wants very direct (importance 3) and coping skills (importance 2):
        "exact": make_therapist(name="Exact Match", directness=7, approach=1),  # gap 0 → 100
        "middle": make_therapist(name="Middle Way", directness=4, approach=4),  # gap 3·3 + 2·3 = 15 of 30 → 50
        "opposite": make_therapist(name="Opposite Pole", directness=1, approach=7),  # gap 3·6 + 2·6 = 30 → 0
        "leaning": make_therapist(name="Leaning Direct", directness=6, approach=3),  # gap 3 + 4 = 7 → 76.7
        "texas": make_therapist(name="Texas Only", states=("TX",), directness=7, approach=1),
        "draft": make_therapist(name="Draft Dana", status=Therapist.Status.DRAFT, directness=7, approach=1),
        "pending": make_therapist(name="Pending Pat", status=Therapist.Status.PENDING, directness=7, approach=1),
        "rejected": make_therapist(name="Rejected Rob", status=Therapist.Status.REJECTED, directness=7, approach=1),
    }


DIRECT_AND_PRACTICAL = {
    "directness_point": "7",
    "directness_importance": "3",
    "approach_point": "1",
    "approach_importance": "2",
}


def test_the_start_page_shows_the_first_step(client: Browser) -> None:
    response = client.get(reverse("questionnaire:start"))
    assert response.status_code == 200
    assert b"What would you like in a therapist?" in response.content
    assert b'name="state"' in response.content


def test_the_first_step_creates_the_private_link_and_the_review_leads_to_the_results(client: Browser) -> None:
    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, state="NY"))

    assert response.status_code == 302
    token = response["Location"].split("/")[2]
    assert response["Location"] == reverse("questionnaire:step", args=[token, 2])
    assert Client.objects.get_by_token(token).state == "NY"

    for step in STEPS[1:]:
        answers = {k: v for k, v in DIRECT_AND_PRACTICAL.items() if step_of(k) == step.number}
        response = client.post(
            reverse("questionnaire:step", args=[token, step.number]),
            questionnaire_step_post(step.number, **answers),
        )
        assert response.status_code == 302
    assert response["Location"] == reverse("questionnaire:edit", args=[token])

    response = client.post(reverse("questionnaire:edit", args=[token]))
    assert response.status_code == 302
    assert response["Location"] == results_url(token)

    saved = Client.objects.get()
    assert (saved.directness_point, saved.directness_importance) == (7, 3)
    assert (saved.approach_point, saved.approach_importance) == (1, 2)
    assert saved.structure_point is None


def test_the_results_list_published_therapists_licensed_in_the_clients_state_best_fit_first(
    client: Browser, directory: dict[str, Therapist]
) -> None:
    response = client.get(results_url(answer_questionnaire(client, **DIRECT_AND_PRACTICAL)))

    assert response.status_code == 200
    listed = cards(response.content.decode())
    assert [card.pk for card in listed] == [
        directory["exact"].pk,
        directory["leaning"].pk,
        directory["middle"].pk,
        directory["opposite"].pk,
    ]
    assert [card.fit for card in listed] == ["100", "77", "50", "0"]


def test_each_match_gives_one_reason_sentence_per_weighted_dimension(
    client: Browser, directory: dict[str, Therapist]
) -> None:
    token = answer_questionnaire(client, **DIRECT_AND_PRACTICAL, structure_point="3", challenge_importance="2")
    listed = cards(client.get(results_url(token)).content.decode())

    assert listed
    for card in listed:
        assert len(card.reasons) == 2  # directness and approach; structure and challenge are not weighted
        said = " ".join(card.reasons).lower()
        assert said.count("gentle or direct") == 1
        assert said.count("coping skills or old patterns") == 1
    assert listed[0].reasons == [
        "Gentle or direct: right where you asked (very direct). This matters a lot to you.",
        "Coping skills or old patterns: right where you asked (very skills-focused). This matters quite a bit to you.",
    ]


def test_therapists_who_are_not_published_never_appear(client: Browser, directory: dict[str, Therapist]) -> None:
    token = answer_questionnaire(client, **DIRECT_AND_PRACTICAL)
    html = client.get(results_url(token)).content.decode()

    for hidden in ("draft", "pending", "rejected", "texas"):
        assert directory[hidden].name not in html
    for hidden in ("draft", "pending", "rejected"):
        therapist = directory[hidden]
        assert client.get(reverse("questionnaire:therapist", args=[therapist.pk])).status_code == 404
        personal = reverse("questionnaire:therapist_for_client", args=[token, therapist.pk])
        assert client.get(personal).status_code == 404


def test_a_published_therapist_has_a_public_profile_and_one_next_to_the_clients_answers(
    client: Browser, directory: dict[str, Therapist]
) -> None:
    token = answer_questionnaire(client, **DIRECT_AND_PRACTICAL)
    therapist = directory["middle"]

    public = client.get(reverse("questionnaire:therapist", args=[therapist.pk]))
    personal = client.get(reverse("questionnaire:therapist_for_client", args=[token, therapist.pk]))

    assert public.status_code == 200
    assert therapist.name in public.content.decode()
    assert personal.status_code == 200
    assert '<span class="fit-number">50</span>' in personal.content.decode()


INVALID_STYLE = [
    pytest.param({"directness_point": "9"}, "directness_point", "9 is not one of the available choices", id="point 9"),
    pytest.param(
        {"directness_importance": "-1"}, "directness_importance", "-1 is not one of the available choices", id="imp -1"
    ),
    pytest.param(
        {"directness_importance": "4"}, "directness_importance", "4 is not one of the available choices", id="imp 4"
    ),
    pytest.param(
        {"directness_point": "lots"}, "directness_point", "lots is not one of the available choices", id="not a number"
    ),
]


@pytest.mark.parametrize(("bad", "field", "message"), INVALID_STYLE)
def test_an_invalid_style_answer_is_shown_again_with_a_message_and_nothing_is_saved(
    client: Browser, bad: dict[str, str], field: str, message: str
) -> None:
    token = answer_questionnaire(client, confirm=False)
    number = step_of("directness_point")
    typed = {
        "directness_point": "6",
        "directness_importance": "2",
        "responsiveness_point": "2",
        "responsiveness_importance": "3",
    }

    response = client.post(
        reverse("questionnaire:step", args=[token, number]), questionnaire_step_post(number, **{**typed, **bad})
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert field in response.context["form"].errors
    saved = Client.objects.get()
    assert (saved.directness_point, saved.directness_importance) == (None, 0)
    assert (saved.responsiveness_point, saved.responsiveness_importance) == (None, 0)
    # Everything else the person chose is still chosen.
    shown = chosen(html)
    for name, value in typed.items():
        if name not in bad:
            assert shown.get(name) == {value}, name


@pytest.mark.parametrize(
    ("state", "message"),
    [
        pytest.param("ZZ", "ZZ is not one of the available choices", id="unknown state"),
        pytest.param("", "Please choose the state you live in.", id="missing state"),
        pytest.param(None, "Please choose the state you live in.", id="no state field"),
    ],
)
def test_an_invalid_state_is_shown_again_with_a_message_and_no_client_is_created(
    client: Browser, state: str | None, message: str
) -> None:
    response = client.post(
        reverse("questionnaire:start"), questionnaire_step_post(1, state=state, session_format="online")
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "state" in response.context["form"].errors
    assert chosen(html).get("session_format") == {"online"}
    assert Client.objects.count() == 0


def test_an_unknown_extra_field_is_ignored(client: Browser) -> None:
    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, bravery_point="3"))
    assert response.status_code == 302
    token = response["Location"].split("/")[2]
    number = step_of("directness_point")

    response = client.post(
        reverse("questionnaire:step", args=[token, number]),
        questionnaire_step_post(number, bravery_point="3", bravery_importance="2"),
    )

    assert response.status_code == 302
    assert Client.objects.count() == 1


def test_the_review_shows_the_saved_answers(client: Browser) -> None:
    token = answer_questionnaire(client, confirm=False, state="NY", **DIRECT_AND_PRACTICAL)

    response = client.get(reverse("questionnaire:edit", args=[token]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "New York" in html
    assert f"7 of 7: {dimensions.get('directness').client_high}" in html
    assert f"1 of 7: {dimensions.get('approach').client_low}" in html
    assert "No preference: this scale won’t affect your matches." in html  # e.g. structure


def test_changing_answers_changes_the_results(client: Browser, directory: dict[str, Therapist]) -> None:
    token = answer_questionnaire(client, **DIRECT_AND_PRACTICAL)
    assert cards(client.get(results_url(token)).content.decode())[0].pk == directory["exact"].pk

    # Now the client wants gentle and deep work: the opposite pole fits best.
    new_answers = {
        "directness_point": "1",
        "directness_importance": "3",
        "approach_point": "7",
        "approach_importance": "2",
    }
    for number in sorted({step_of(name) for name in new_answers}):
        own = {name: value for name, value in new_answers.items() if step_of(name) == number}
        response = client.post(
            reverse("questionnaire:change", args=[token, number]), questionnaire_step_post(number, **own)
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("questionnaire:edit", args=[token])

    listed = cards(client.get(results_url(token)).content.decode())
    assert [card.pk for card in listed] == [
        directory["opposite"].pk,
        directory["middle"].pk,
        directory["leaning"].pk,
        directory["exact"].pk,
    ]
    assert Client.objects.count() == 1


def test_an_invalid_change_keeps_the_saved_answers(client: Browser) -> None:
    token = answer_questionnaire(client, **DIRECT_AND_PRACTICAL)
    number = step_of("directness_point")

    response = client.post(
        reverse("questionnaire:change", args=[token, number]),
        questionnaire_step_post(number, directness_point="9", directness_importance="1"),
    )

    assert response.status_code == 400
    saved = Client.objects.get()
    assert (saved.directness_point, saved.directness_importance) == (7, 3)
    assert saved.furthest_step == LAST_STEP


def test_no_step_of_the_questionnaire_breaks_on_a_stray_field(client: Browser) -> None:
    token = answer_questionnaire(client, confirm=False)
    for step in STEPS[1:]:
        data: dict[str, Any] = questionnaire_step_post(step.number, unknown_field="x" * 50)
        response = client.post(reverse("questionnaire:step", args=[token, step.number]), data)
        assert response.status_code == 302, step.number
