"""The first question says how many therapists are listed in each state, and says so gently where nobody is."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.matching.search_table import STATE_COUNTS_KEY, listings_rebuild
from profiles.models import Therapist
from tests.factories import make_therapist, questionnaire_step_post

pytestmark = pytest.mark.django_db

NOBODY_IN_ALABAMA = (
    "We don't list anyone licensed in Alabama yet, so your matches would be empty for now. "
    "Therapists can only see clients in the states where they are licensed. "
    "You can still finish: your private link keeps your answers, and your matches fill in as therapists "
    "in Alabama join. If you will soon live in another state, you can choose that one instead."
)


@pytest.fixture
def directory() -> None:
    make_therapist(name="Dana Ohio", states=("OH",))
    make_therapist(name="Blake Both", states=("OH", "CA"))
    make_therapist(name="Sam Ohio", states=("OH",))
    make_therapist(name="Pat Pending", states=("NY",), status=Therapist.Status.PENDING)


def test_it_shows_how_many_are_listed_in_each_state(client: Browser, directory: None) -> None:
    html = client.get(reverse("questionnaire:start")).content.decode()

    assert '<option value="OH">Ohio — 3 therapists</option>' in html
    assert '<option value="CA">California — 1 therapist</option>' in html
    assert '<option value="NY">New York — no one listed yet</option>' in html
    assert '<option value="AL">Alabama — no one listed yet</option>' in html


def test_it_says_how_many_states_are_covered_before_the_client_starts(client: Browser, directory: None) -> None:
    start = client.get(reverse("questionnaire:start")).content.decode()
    home = client.get(reverse("home")).content.decode()

    assert "We list therapists in 2 states so far." in start
    assert "We list therapists in 2 states so far." in home


def test_it_tells_a_client_in_a_state_with_nobody_what_they_can_do(client: Browser, directory: None) -> None:
    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, state="AL"), follow=True)

    assert response.redirect_chain[-1][0].endswith("/questions/2/")
    assert NOBODY_IN_ALABAMA in response.content.decode().replace("&#x27;", "'")


def test_it_says_nothing_of_the_kind_where_someone_is_listed(client: Browser, directory: None) -> None:
    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, state="OH"), follow=True)

    assert "We don't list anyone" not in response.content.decode().replace("&#x27;", "'")


def test_it_counts_again_once_the_search_table_changes(
    client: Browser, directory: None, django_capture_on_commit_callbacks: Any
) -> None:
    assert "Alabama — no one listed yet" in client.get(reverse("questionnaire:start")).content.decode()
    assert cache.get(STATE_COUNTS_KEY) is not None
    alabama = make_therapist(name="Ana Alabama", states=("AL",))

    with django_capture_on_commit_callbacks(execute=True):
        listings_rebuild([alabama.pk])

    assert cache.get(STATE_COUNTS_KEY) is None
    html = client.get(reverse("questionnaire:start")).content.decode()
    assert '<option value="AL">Alabama — 1 therapist</option>' in html
