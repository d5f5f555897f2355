"""Saving to the shortlist from a results card comes back to that card on the same page of results; a script
saving in place gets a small JSON answer instead of a page, and nothing is said twice on the next page."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.matching.find import PAGE_SIZE
from questionnaire.models import ShortlistEntry
from tests.factories import make_client, make_therapist
from tests.html_helpers import from_results

pytestmark = pytest.mark.django_db


def shared_form(html: str) -> dict[str, str]:
    """The hidden fields of the page's one shortlist form, which every card's button posts."""
    form = re.search(r'<form id="shortlist-form" method="post" data-shortlist-form>(.*?)</form>', html, re.S)
    assert form is not None
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form.group(1)))


def test_saving_from_the_second_page_comes_back_to_the_card_on_that_page(client: Browser) -> None:
    directory = [make_therapist(name=f"Therapist {n}", license_number=f"L{n}") for n in range(PAGE_SIZE + 3)]
    owner, token = make_client()
    page_two = reverse("questionnaire:results", args=[token]) + "?page=2"
    html = client.get(page_two).content.decode()
    pk = int(re.findall(r'id="therapist-(\d+)"', html)[1])
    add = reverse("questionnaire:shortlist_add", args=[token, pk])
    assert f"formaction={from_results(add, token)}" in html  # relative to the page: it holds no private link
    fields = shared_form(html)
    assert fields["next"] == "?page=2"
    assert fields["to_card"] == "1"

    response = client.post(add, fields)

    assert response.status_code == 302
    assert response["Location"] == f"{page_two}#therapist-{pk}"
    assert list(owner.shortlist.values_list("therapist", flat=True)) == [pk]
    assert len(directory) == PAGE_SIZE + 3


def test_removing_from_a_card_comes_back_to_that_card(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    owner, token = make_client()
    owner.shortlist.create(therapist=dana)
    results = reverse("questionnaire:results", args=[token])
    fields = shared_form(client.get(results).content.decode())
    assert fields["next"] == ""  # the first page: back to the results themselves

    response = client.post(reverse("questionnaire:shortlist_remove", args=[token, dana.pk]), fields)

    assert response["Location"] == f"{results}#therapist-{dana.pk}"
    assert not owner.shortlist.exists()


def test_a_link_from_elsewhere_replaces_its_own_anchor_with_the_card(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    _, token = make_client()
    results = reverse("questionnaire:results", args=[token])

    response = client.post(
        reverse("questionnaire:shortlist_add", args=[token, dana.pk]), {"next": f"{results}#refine", "to_card": "1"}
    )

    assert response["Location"] == f"{results}#therapist-{dana.pk}"


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ACCEPT": "application/json"}, {"HTTP_X_REQUESTED_WITH": "fetch"}],
    ids=["accept-json", "x-requested-with"],
)
def test_a_script_saving_in_place_gets_json_and_no_message_for_later(client: Browser, headers: dict) -> None:
    dana = make_therapist(name="Dana Exact")
    owner, token = make_client()
    results = reverse("questionnaire:results", args=[token])

    response = client.post(
        reverse("questionnaire:shortlist_add", args=[token, dana.pk]), {"next": results, "to_card": "1"}, **headers
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"saved": True, "message": "Dana Exact is on your shortlist.", "count": 1}
    assert owner.shortlist.count() == 1
    # Said once, in place: the next page does not say it again.
    assert "Dana Exact is on your shortlist." not in client.get(results).content.decode()


def test_a_full_shortlist_answers_a_script_kindly_and_saves_nothing(client: Browser) -> None:
    owner, token = make_client()
    for n in range(ShortlistEntry.MAX_PER_CLIENT):
        owner.shortlist.create(therapist=make_therapist(name=f"Saved {n}", license_number=f"L{n}"))
    one_more = make_therapist(name="One More", license_number="L-more")

    response = client.post(
        reverse("questionnaire:shortlist_add", args=[token, one_more.pk]), HTTP_ACCEPT="application/json"
    )

    answer = response.json()
    assert answer["saved"] is False
    assert answer["count"] == ShortlistEntry.MAX_PER_CLIENT
    assert answer["message"].startswith(f"Your shortlist already holds {ShortlistEntry.MAX_PER_CLIENT} therapists")
    assert not owner.shortlist.filter(therapist=one_more).exists()


def test_the_results_page_loads_the_script_that_saves_in_place(client: Browser) -> None:
    make_therapist(name="Dana Exact")
    _, token = make_client()

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert '<script src="/static/js/shortlist.js" defer></script>' in html
    assert '<p class="visually-hidden" role="status" id="shortlist-status"></p>' in html
    assert html.count("data-save>Save to shortlist</button>") == 1
