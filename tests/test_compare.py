"""Two or three shortlisted therapists side by side on every scale and practical fact; any other number is a message."""

from __future__ import annotations

import re

import pytest
from django.template.defaultfilters import floatformat
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS
from matchmaker.scoring import describe_point, fit_score
from profiles.models import Therapist
from questionnaire.models import Client
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def shortlisted(owner: Client, count: int) -> list[Therapist]:
    therapists = []
    for index in range(count):
        therapist = make_therapist(
            name=f"Therapist {'ABCDE'[index]}",
            license_number=f"L{index}",
            directness=1 + index,
            intensity=7 - index,
            fee=100 + 10 * index,
            sliding_scale=index % 2 == 0,
            insurance_plans=("aetna",) if index % 2 else (),
            languages=("en", "es") if index == 1 else ("en",),
            concerns=("grief",) if index == 2 else ("anxiety",),
        )
        owner.shortlist.create(therapist=therapist)
        therapists.append(therapist)
    return therapists


def compare(client: Browser, token: str, ids: list[object]) -> object:
    return client.get(reverse("questionnaire:compare", args=[token]), {"therapist": ids})


@pytest.mark.parametrize("count", [2, 3])
def test_it_shows_two_or_three_side_by_side_on_every_scale_and_fact(client: Browser, count: int) -> None:
    owner, token = make_client(directness_point=2, directness_importance=3)
    chosen = shortlisted(owner, 4)[:count]

    response = compare(client, token, [t.pk for t in chosen])

    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    for dimension in DIMENSIONS:
        assert f'<th scope="row">{dimension.title}</th>' in table
    for fact in ("Sessions", "Fee per session", "Sliding scale", "Insurance", "Languages", "Taking new clients"):
        assert f'<th scope="row">{fact}</th>' in table
    preferences = owner.preferences()
    for therapist in chosen:
        assert re.search(rf'<th scope="col">\s*<a href="[^"]+">{therapist.name}</a>', table)
        assert f"${therapist.fee}" in table
        assert f"{floatformat(fit_score(preferences, therapist.style()), 0)}<span" in table
        assert (
            f"They are at {therapist.directness} of 7, {describe_point('directness', therapist.directness)}." in table
        )
    assert table.count('<th scope="col">') == count
    assert "Therapist D" not in table  # on the shortlist but not chosen


@pytest.mark.parametrize("count", [0, 1, 4])
def test_it_asks_for_two_or_three_when_given_another_number(client: Browser, count: int) -> None:
    owner, token = make_client()
    therapists = shortlisted(owner, 4)

    response = compare(client, token, [t.pk for t in therapists[:count]])

    assert response.status_code == 400
    assert "Please choose two or three therapists to compare." in response.content.decode()


def test_it_keeps_the_ticked_boxes_when_asking_again(client: Browser) -> None:
    owner, token = make_client()
    therapists = shortlisted(owner, 4)

    html = compare(client, token, [t.pk for t in therapists]).content.decode()

    for therapist in therapists:
        assert re.search(rf'value="{therapist.pk}" id="compare-{therapist.pk}"\s*checked', html)


@pytest.mark.parametrize("tampered", ["abc", "99999999999999999999999", "-1", "", "1.5"])
def test_tampered_ids_give_a_message_not_an_error_page(client: Browser, tampered: str) -> None:
    owner, token = make_client()
    first, _second = shortlisted(owner, 2)

    response = compare(client, token, [first.pk, tampered])

    assert response.status_code == 400


def test_it_only_compares_therapists_on_this_clients_shortlist(client: Browser) -> None:
    owner, token = make_client()
    mine = shortlisted(owner, 1)[0]
    not_on_it = make_therapist(name="Elsewhere")

    response = compare(client, token, [mine.pk, not_on_it.pk])

    assert response.status_code == 400
    assert "Elsewhere" not in response.content.decode()


def test_a_therapist_no_longer_published_cannot_be_compared(client: Browser) -> None:
    owner, token = make_client()
    first, second = shortlisted(owner, 2)
    Therapist.objects.filter(pk=second.pk).update(status=Therapist.Status.PENDING)

    assert compare(client, token, [first.pk, second.pk]).status_code == 400


def test_a_wrong_link_is_not_found(client: Browser) -> None:
    owner, token = make_client()
    first, second = shortlisted(owner, 2)

    assert compare(client, token + "x", [first.pk, second.pk]).status_code == 404


def test_its_title_is_plain_words_and_each_therapist_has_one_phone_card(client: Browser) -> None:
    owner, token = make_client(directness_point=2, directness_importance=3)
    chosen = shortlisted(owner, 3)[:2]

    html = compare(client, token, [t.pk for t in chosen]).content.decode()

    title = html[html.index("<title>") + len("<title>") : html.index("</title>")]
    assert title == "Compare side by side · Matchmaker"
    assert html.count('class="list-unstyled compare-cards"') == 1
    for therapist in chosen:
        assert html.count(f'id="compare-{therapist.pk}"') == 1
