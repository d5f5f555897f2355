"""A results page is kept a few minutes once rendered (questionnaire.results_body); a change to a therapist, to
the client's answers or to the day shows on the very next results page all the same."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.matching.search_table import listings_rebuild
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def card(html: str, pk: int) -> str:
    found = re.search(rf'<li class="card match-card"><article aria-labelledby="therapist-{pk}">(.*?)</article>', html)
    assert found is not None
    return found.group(1)


def test_a_therapists_edits_show_on_the_next_results_page(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", credentials="LCSW", fee=95, pronouns="she/her", languages=("en",))
    _, token = make_client(state="CA")
    results = reverse("questionnaire:results", args=[token])
    before = card(client.get(results).content.decode(), dana.pk)
    assert "Dana Exact" in before and "$95 a session" in before and "she/her" in before
    assert "Speaks English" in before and "Spanish" not in before

    dana.name, dana.credentials, dana.pronouns, dana.fee = "Dana Q. Exact", "PsyD", "they/them", 110
    dana.save()
    dana.languages.add("es")
    listings_rebuild([dana.pk])
    after = card(client.get(results).content.decode(), dana.pk)

    assert "Dana Q. Exact" in after and "PsyD" in after and "they/them" in after
    assert "$110 a session" in after and "$95" not in after
    assert "Speaks English, Spanish" in after


def test_the_availability_line_follows_the_day(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", availability_confirmed_at=timezone.now())
    _, token = make_client(state="CA")
    results = reverse("questionnaire:results", args=[token])
    assert "Availability confirmed today" in card(client.get(results).content.decode(), dana.pk)

    dana.availability_confirmed_at = timezone.now() - timedelta(days=3)
    dana.save()
    listings_rebuild([dana.pk])

    assert "Availability confirmed 3 days ago" in card(client.get(results).content.decode(), dana.pk)


def test_two_clients_see_their_own_reasons_beside_the_same_therapist(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", directness=7, directness_high=7)
    _, wants_direct = make_client(state="CA", directness_point=7, directness_importance=3)
    _, wants_gentle = make_client(state="CA", directness_point=1, directness_importance=3)

    direct = card(client.get(reverse("questionnaire:results", args=[wants_direct])).content.decode(), dana.pk)
    gentle = card(client.get(reverse("questionnaire:results", args=[wants_gentle])).content.decode(), dana.pk)

    assert "right where you asked" in direct
    assert "6 steps apart" in gentle
    assert 'class="p7 c7"' in direct and 'class="p7 c1"' in gentle  # each client's own marker on the track
