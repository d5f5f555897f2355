"""When no therapist is left, the page says which need to relax: the chosen one whose relaxing shows the most."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.matching.find import find_matches
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def test_it_suggests_the_chosen_need_whose_relaxing_alone_shows_the_most_therapists() -> None:
    # The fee ceiling removes the most (it applies first), but relaxing insurance alone brings back more.
    for index in range(3):
        make_therapist(name=f"Dear, no Aetna {index}", fee=200, insurance_plans=())
    make_therapist(name="Dear, Aetna", fee=200, insurance_plans=("aetna",))
    make_therapist(name="Cheap, no Aetna 1", fee=50, insurance_plans=())
    make_therapist(name="Cheap, no Aetna 2", fee=50, insurance_plans=("cigna",))
    client, _ = make_client(max_fee=100, insurance="aetna")

    results = find_matches(client)

    assert results.matches == []
    assert {r.key: r.count for r in results.removals} == {"max_fee": 4, "insurance": 2}
    assert results.suggestion is not None
    assert (results.suggestion.removal.key, results.suggestion.would_show) == ("insurance", 2)


def test_it_never_suggests_relaxing_where_the_client_lives() -> None:
    make_therapist(name="Texas", states=("TX",), gender="man")
    make_therapist(name="Texas too", states=("TX",), gender="woman")
    make_therapist(name="California man", states=("CA",), gender="man")
    client, _ = make_client(state="CA", therapist_gender="woman")

    results = find_matches(client)

    assert results.remaining == 0
    assert results.suggestion is not None
    assert (results.suggestion.removal.key, results.suggestion.would_show) == ("therapist_gender", 1)


def test_when_no_single_need_is_enough_it_names_the_chosen_need_removing_the_most() -> None:
    # Every therapist fails two chosen needs, so relaxing any one alone shows nobody.
    make_therapist(name="A", gender="man", faith="")
    make_therapist(name="B", gender="man", faith="")
    make_therapist(name="C", gender="woman", faith="", lgbtq_affirming=False)
    client, _ = make_client(therapist_gender="woman", therapist_faith="jewish", wants_lgbtq_affirming=True)

    results = find_matches(client)

    assert results.remaining == 0
    assert results.suggestion is not None
    assert (results.suggestion.removal.key, results.suggestion.would_show) == ("therapist_gender", 0)
    assert results.suggestion.removal.count == 2


def test_when_no_single_need_is_enough_it_names_the_largest_removal_even_when_another_need_applies_first() -> None:
    # The fee applies first and the faith third, but the faith removes the most; everyone fails two needs.
    make_therapist(name="Dear man", fee=200, gender="man", faith="jewish", birth_year=1980)
    make_therapist(name="Man", fee=50, gender="man", faith="jewish", birth_year=None)
    for index in range(3):
        make_therapist(name=f"Woman {index}", fee=50, gender="woman", faith="", birth_year=None)
    client, _ = make_client(
        max_fee=100, therapist_gender="woman", therapist_faith="jewish", therapist_age_range="35_50"
    )

    results = find_matches(client)

    assert results.remaining == 0
    assert {r.key: r.count for r in results.removals} == {"max_fee": 1, "therapist_gender": 1, "therapist_faith": 3}
    assert results.suggestion is not None
    assert (results.suggestion.removal.key, results.suggestion.would_show) == ("therapist_faith", 0)


def test_when_only_licensing_or_availability_remove_everyone_there_is_nothing_to_relax() -> None:
    make_therapist(name="Texas", states=("TX",))
    make_therapist(name="Full", accepting_new_clients=False)
    client, _ = make_client(state="CA")

    results = find_matches(client)

    assert results.remaining == 0
    assert results.suggestion is None


def test_when_therapists_are_left_there_is_no_suggestion() -> None:
    make_therapist(name="Fits", fee=50)
    make_therapist(name="Too dear", fee=500)
    client, _ = make_client(max_fee=100)

    assert find_matches(client).suggestion is None


def test_the_page_names_the_need_to_relax_and_links_to_it_in_the_open_refine_form(client: Browser) -> None:
    make_therapist(name="Dear one", fee=300)
    make_therapist(name="Dear two", fee=250, insurance_plans=("aetna",))
    _, token = make_client(max_fee=100)

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    text = " ".join(html.split())

    assert "No therapist fits all of your needs yet" in html
    assert "The one to relax first: 2 therapists charge more than $100 a session." in text
    assert "Relaxing only this need would show 2 therapists." in text
    assert 'href="#div_id_max_fee"' in html
    assert 'id="div_id_max_fee"' in html
    assert '<details class="refine-details" open>' in html


def test_the_link_to_the_need_to_relax_points_at_that_field_in_the_refine_form(client: Browser) -> None:
    make_therapist(name="Only English", languages=("en",))
    _, token = make_client(state="CA", languages=["ko"])

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    anchors = re.findall(r'href="#(div_id_[a-z_]+)"', html)
    assert anchors == ["div_id_languages"]
    assert 'id="div_id_languages"' in html
