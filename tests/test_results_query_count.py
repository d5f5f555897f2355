"""The results page runs a fixed number of queries, however large the directory."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import Message, Side
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist

pytestmark = pytest.mark.django_db

# 1 the client behind the token, 1 the size of the directory (cached afterwards; the cache starts empty),
# 1 the filter counts (one aggregate over the state's listings), 1 the page of ranked listings (with the
# languages and insurance plans as bitmasks), 1 the page's therapists,
# and 1 the client's own line (conversations, saved therapists and the set-aside count in one statement).
RESULTS_QUERIES = 6


def fill_directory(size: int) -> None:
    for index in range(size):
        make_therapist(
            name=f"Therapist {index}",
            license_number=f"LIC-{index}",
            directness=1 + index % 7,
            approach=1 + (index * 3) % 7,
            languages=("en", "es"),
            insurance_plans=("aetna",) if index % 2 else (),
            # Some are set aside by filters, which the page reports.
            states=("CA",) if index % 5 else ("TX",),
            accepting_new_clients=index % 4 != 0,
        )


@pytest.mark.parametrize("size", [5, 40])
def test_the_results_page_runs_the_same_number_of_queries_for_5_or_40_therapists(
    client: Browser, django_assert_num_queries: Any, size: int
) -> None:
    fill_directory(size)
    _, token = make_client(directness_point=6, directness_importance=3, approach_point=2, approach_importance=1)

    with django_assert_num_queries(RESULTS_QUERIES):
        response = client.get(reverse("questionnaire:results", args=[token]))

    assert response.status_code == 200
    fitting = sum(1 for index in range(size) if index % 5 and index % 4)  # licensed in CA and accepting
    assert response.content.count(b'class="card match-card') == min(fitting, 20)


@pytest.mark.parametrize("size", [5, 40])
def test_the_distance_filter_adds_no_query(client: Browser, django_assert_num_queries: Any, size: int) -> None:
    for index in range(size):
        # Offices from San Francisco outwards, a few miles apart; some online only.
        make_therapist(
            name=f"Office {index}",
            license_number=f"LIC-{index}",
            offers_online=index % 3 == 0,
            offers_in_person=index % 3 != 0,
            office_zip=("94110", "95814", "94601", "94103")[index % 4],
        )
    _, token = make_client(session_format="in_person", zip_code="94110", max_distance=25, directness_point=6,
                           directness_importance=3)  # fmt: skip

    with django_assert_num_queries(RESULTS_QUERIES):
        response = client.get(reverse("questionnaire:results", args=[token]))

    assert response.status_code == 200
    assert b"an office more than 25 miles from 94110" in response.content  # Sacramento 95814


def test_conversations_shortlist_and_set_aside_add_no_query(client: Browser, django_assert_num_queries: Any) -> None:
    fill_directory(10)
    owner, token = make_client(directness_point=6, directness_importance=3)
    dana, blake, casey = (make_therapist(name=name, license_number=name) for name in ("Dana", "Blake", "Casey"))
    replied = make_consultation_request(dana, client=owner)
    Message.objects.create(request=replied, sender=Side.THERAPIST, body="Happy to talk.")
    make_consultation_request(blake, client=owner)
    make_check_in(dana, client=owner)
    owner.shortlist.create(therapist=dana)
    owner.shortlist.create(therapist=blake)
    owner.set_aside.create(therapist=casey)

    with django_assert_num_queries(RESULTS_QUERIES):
        html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert 'Your shortlist (<span class="shortlist-count">2</span> of 5)' in html
    assert "Conversations (2" in html and "Set aside (1)" in html
    assert "You met Dana: how did it feel?" in html and "You met Blake: how did it feel?" in html
