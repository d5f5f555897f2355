"""Coming back to the results within minutes does not rank the state again; anything that changes what the
ranking depends on (the client's answers, whom they set aside, the directory, the time) is seen at once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.matching import find
from matchmaker.matching.search_table import DIRECTORY_STATE_KEY
from profiles.models import Listing
from questionnaire.models import Client
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db

# The client, and the one statement of the client's own line (saved, set aside, conversations): the
# directory size, the counts, the ranked page and the page's therapists are not asked again.
AGAIN_QUERIES = 2


def names_in_order(html: str, names: list[str]) -> list[str]:
    """The therapists whose cards are on the page, in the order of their cards."""
    cards = {name: html.find(f'/">{name}</a>') for name in names}
    return sorted((name for name, at in cards.items() if at >= 0), key=cards.__getitem__)


@pytest.fixture
def three(client: Browser) -> dict[str, Any]:
    therapists = [
        make_therapist(name="Direct Dana", license_number="A", directness=7, directness_high=7),
        make_therapist(name="Middle Morgan", license_number="B", directness=4, directness_high=4),
        make_therapist(name="Gentle Gale", license_number="C", directness=1, directness_high=1),
    ]
    owner, token = make_client(directness_point=7, directness_importance=3)
    return {"therapists": therapists, "owner": owner, "url": reverse("questionnaire:results", args=[token])}


NAMES = ["Direct Dana", "Middle Morgan", "Gentle Gale"]


def test_a_second_visit_skips_the_ranking(client: Browser, three: dict[str, Any], django_assert_num_queries) -> None:
    first = client.get(three["url"]).content.decode()

    with django_assert_num_queries(AGAIN_QUERIES):
        again = client.get(three["url"]).content.decode()

    assert names_in_order(again, NAMES) == names_in_order(first, NAMES) == NAMES


def test_changed_answers_rank_anew(client: Browser, three: dict[str, Any]) -> None:
    client.get(three["url"])
    owner = three["owner"]
    owner.directness_point = 1
    owner.save()

    assert names_in_order(client.get(three["url"]).content.decode(), NAMES) == list(reversed(NAMES))


def test_setting_someone_aside_takes_them_out_at_once(client: Browser, three: dict[str, Any]) -> None:
    assert "Direct Dana" in client.get(three["url"]).content.decode()
    dana = three["therapists"][0]

    client.post(reverse("questionnaire:set_aside", args=[three["url"].split("/")[2], dana.pk]))

    html = client.get(three["url"]).content.decode()
    assert names_in_order(html, NAMES) == ["Middle Morgan", "Gentle Gale"]
    assert "1 therapist was set aside by you" in html


def test_a_directory_change_committed_elsewhere_is_seen(client: Browser, three: dict[str, Any]) -> None:
    client.get(three["url"])
    gale = three["therapists"][2]
    # Another process rebuilt Gale's listing and committed: the shared count goes, nothing here moved.
    Listing.objects.filter(therapist=gale).update(directness=7, directness_high=7)
    cache.delete(DIRECTORY_STATE_KEY)

    html = client.get(three["url"]).content.decode()

    assert names_in_order(html, NAMES) == ["Direct Dana", "Gentle Gale", "Middle Morgan"]


def test_the_kept_ranking_is_let_go_as_time_moves_on(
    client: Browser, three: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    client.get(three["url"])
    gale = three["therapists"][2]
    Listing.objects.filter(therapist=gale).update(directness=7, directness_high=7)  # unseen while kept
    assert names_in_order(client.get(three["url"]).content.decode(), NAMES) == NAMES

    later = find.timezone.now() + timedelta(seconds=find.RANKING_KEPT_SECONDS)
    monkeypatch.setattr(find.timezone, "now", lambda: later)

    html = client.get(three["url"]).content.decode()
    assert names_in_order(html, NAMES) == ["Direct Dana", "Gentle Gale", "Middle Morgan"]


def kept_rankings() -> list[str]:
    """The cache's keys for kept rankings (the local-memory cache the tests run with)."""
    return [key for key in cache._cache if ":ranking:" in key]  # type: ignore[attr-defined]


def test_deleting_everything_drops_the_kept_ranking_at_once(client: Browser, three: dict[str, Any]) -> None:
    client.get(three["url"])
    assert kept_rankings()

    client.post(three["url"] + "delete/")

    assert not Client.objects.exists()
    assert kept_rankings() == []
