"""Refining on the results page: change a need or an importance without retaking the questionnaire."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.forms.models import model_to_dict
from django.test import Client as Browser
from django.urls import reverse
from django.utils.html import escape

from matchmaker.dimensions import DIMENSIONS
from questionnaire.forms import MAX_FEE, REFINE_PRACTICAL_FIELDS
from questionnaire.models import Client
from tests.factories import make_client, make_therapist
from tests.html_helpers import chosen, from_results

pytestmark = pytest.mark.django_db

SAVED: dict[str, Any] = {
    "state": "CA",
    "session_format": "either",
    "zip_code": "94110",
    "max_fee": 100,
    "insurance": "aetna",
    "concerns": ["anxiety"],
    "directness_point": 7,
    "directness_importance": 3,
    "approach_point": 1,
    "approach_importance": 1,
}


def refine_post(client: Client, **changes: Any) -> dict[str, Any]:
    """The refine form as the page shows it for this client, with some changes."""
    data: dict[str, Any] = {}
    for name in REFINE_PRACTICAL_FIELDS:
        value = getattr(client, name)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value if isinstance(value, list) else str(value)
    for d in DIMENSIONS:
        data[d.importance_field] = str(getattr(client, d.importance_field))
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def saved() -> tuple[Client, str]:
    return make_client(**SAVED, furthest_step=7)


def test_the_results_page_links_to_the_refine_page_after_the_first_cards(
    client: Browser, saved: tuple[Client, str]
) -> None:
    _, token = saved
    for index in range(5):
        make_therapist(name=f"Someone {index}", license_number=f"LIC-{index}", insurance_plans=("aetna",), fee=90)

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    refine = reverse("questionnaire:refine", args=[token])
    assert f'<a href={from_results(refine, token)}">refine your results</a>' in html
    assert 'method="post" action="' + refine not in html  # the form itself is on its own page
    cards = [m.start() for m in re.finditer('class="card match-card', html)]
    assert len(cards) == 5
    assert cards[2] < html.index(f"href={from_results(refine, token)}") < cards[3]


def test_the_refine_page_shows_the_form_with_the_saved_answers(client: Browser, saved: tuple[Client, str]) -> None:
    _, token = saved
    make_therapist(name="Someone", insurance_plans=("aetna",), fee=90)

    html = client.get(reverse("questionnaire:refine", args=[token])).content.decode()

    assert f'action="{reverse("questionnaire:refine", args=[token])}"' in html
    shown = chosen(html)
    assert shown["state"] == {"CA"}
    assert shown["max_fee"] == {"100"}
    assert shown["insurance"] == {"aetna"}
    assert shown["concerns"] == {"anxiety"}
    assert shown["directness_importance"] == {"3"}
    for d in DIMENSIONS:
        assert escape(f"How much does “{d.title.lower()}” matter to you?") in html
    # No preference was given on responsiveness, so its importance has nothing to weigh yet.
    assert "You chose no preference here" in html


def test_relaxing_a_filter_saves_it_and_the_results_follow(client: Browser, saved: tuple[Client, str]) -> None:
    saved_client, token = saved
    make_therapist(name="Takes Aetna", insurance_plans=("aetna",), fee=90)
    make_therapist(name="Self-pay", insurance_plans=(), fee=90)
    results_url = reverse("questionnaire:results", args=[token])
    assert "Self-pay" not in client.get(results_url).content.decode()

    response = client.post(reverse("questionnaire:refine", args=[token]), refine_post(saved_client, insurance=""))

    assert response.status_code == 302
    assert response["Location"] == results_url
    page = client.get(results_url).content.decode()
    assert "Your matches are updated." in page
    assert "Self-pay" in page and "Takes Aetna" in page
    saved_client.refresh_from_db()
    assert saved_client.insurance == ""
    assert (saved_client.max_fee, saved_client.concerns) == (100, ["anxiety"])


def test_changing_an_importance_reorders_the_results_and_keeps_the_preferred_points(
    client: Browser, saved: tuple[Client, str]
) -> None:
    saved_client, token = saved
    direct = make_therapist(name="Direct, deep", directness=7, approach=7, insurance_plans=("aetna",), fee=90)
    practical = make_therapist(name="Gentle, practical", directness=2, approach=1, insurance_plans=("aetna",), fee=90)
    results_url = reverse("questionnaire:results", args=[token])
    html = client.get(results_url).content.decode()
    assert html.index(direct.name) < html.index(practical.name)  # directness matters most

    client.post(
        reverse("questionnaire:refine", args=[token]),
        refine_post(saved_client, directness_importance="0", approach_importance="3"),
    )

    html = client.get(results_url).content.decode()
    assert html.index(practical.name) < html.index(direct.name)  # now only the approach counts
    saved_client.refresh_from_db()
    assert (saved_client.directness_point, saved_client.approach_point) == (7, 1)
    assert (saved_client.directness_importance, saved_client.approach_importance) == (0, 3)


TAMPERED = [
    ("directness_importance", "4"),
    ("approach_importance", "-1"),
    ("approach_importance", ""),
    ("state", "ZZ"),
    ("state", ""),
    ("session_format", "teleport"),
    ("languages", ["xx"]),
    ("concerns", ["anxiety", "hauntings"]),
    ("insurance", "acme"),
    ("max_fee", "-3"),
    ("max_fee", str(MAX_FEE + 1)),
    ("max_fee", "1e9"),
    ("therapist_gender", "robot"),
    ("therapist_faith", "jedi"),
    ("therapist_age_range", "ancient"),
]


@pytest.mark.parametrize(("field", "bad"), TAMPERED, ids=[f"{f}={v}" for f, v in TAMPERED])
def test_a_tampered_refinement_is_refused_next_to_the_field_and_nothing_is_saved(
    client: Browser, saved: tuple[Client, str], field: str, bad: Any
) -> None:
    saved_client, token = saved
    make_therapist(name="Takes Aetna", insurance_plans=("aetna",), fee=90)
    make_therapist(name="Self-pay", insurance_plans=(), fee=90)
    before = model_to_dict(Client.objects.get())

    # A valid change alongside the bad one must not slip through either.
    valid_change = {"insurance": ""} if field != "insurance" else {"concerns": []}
    response = client.post(
        reverse("questionnaire:refine", args=[token]), refine_post(saved_client, **{**valid_change, field: bad})
    )

    assert response.status_code == 400
    assert field in response.context["refine_form"].errors
    html = response.content.decode()
    assert "Your matches are not updated yet" in html
    assert model_to_dict(Client.objects.get()) == before
    # The results still follow the saved answers.
    results = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    assert "Takes Aetna" in results and "Self-pay" not in results


def test_refining_is_a_page_to_read_and_a_form_to_post(client: Browser, saved: tuple[Client, str]) -> None:
    _, token = saved
    url = reverse("questionnaire:refine", args=[token])

    assert client.get(url).status_code == 200
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
