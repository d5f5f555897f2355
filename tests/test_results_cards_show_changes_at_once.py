"""A results card is built from pieces kept between requests (questionnaire.cards); a change to a therapist,
to the client's answers or to the day shows on the very next results page all the same."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.matching.search_table import listings_rebuild
from profiles.models import Therapist
from questionnaire import cards
from questionnaire.cards import Fragments
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


def test_kept_pieces_are_bounded_and_keyed_by_what_they_show() -> None:
    fragments = Fragments(size=2)
    template = "questionnaire/_card_facts.html"

    first = fragments.render(template, ("a",), facts("Online only"))
    again = fragments.render(template, ("a",), facts("ignored: the key was seen"))
    fragments.render(template, ("b",), facts("In person in Fresno"))
    fragments.render(template, ("a",), facts("ignored: a was used last"))
    fragments.render(template, ("c",), facts("Online and in person"))

    assert first == again and first.startswith("Online only · $80 a session")
    assert len(fragments) == 2  # the least recently used piece, b, made room
    assert fragments.render(template, ("a",), facts("not rendered")).startswith("Online only")
    assert fragments.render(template, ("b",), facts("Rendered anew")).startswith("Rendered anew")


def test_a_process_keeps_whole_cards_apart_from_the_pieces_they_share() -> None:
    assert cards.CARDS is not cards.FRAGMENTS
    assert cards.CARDS.memo.size < cards.FRAGMENTS.memo.size


def facts(ways: str) -> dict[str, object]:
    therapist = Therapist(fee=80, sliding_scale=False, accepting_new_clients=True)
    return {"ways": ways, "therapist": therapist, "plan_names": (), "language_names": (), "availability": "today"}
