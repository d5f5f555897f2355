"""A client's private link: unguessable, stable, never stored in the clear, never leaked by Referer."""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import string

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from questionnaire.models import Client
from tests.factories import answer_questionnaire, make_client, make_therapist, questionnaire_step_post

pytestmark = pytest.mark.django_db

URL_SAFE = set(string.ascii_letters + string.digits + "-_")


def new_link(browser: Browser, **answers: str) -> tuple[str, str]:
    """(results address, token) for a freshly and fully answered questionnaire."""
    token = answer_questionnaire(browser, **answers)
    return reverse("questionnaire:results", args=[token]), token


def test_the_first_step_redirects_under_a_new_private_link(client: Browser) -> None:
    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1))

    assert response.status_code == 302
    token = response["Location"].split("/")[2]
    assert response["Location"] == reverse("questionnaire:step", args=[token, 2])
    assert Client.objects.get_by_token(token) == Client.objects.get()


def test_the_token_carries_at_least_128_bits(client: Browser) -> None:
    _, token = new_link(client)

    assert set(token) <= URL_SAFE
    # Each URL-safe base64 character carries 6 bits.
    assert len(token) * math.log2(len(URL_SAFE)) >= 128
    assert len(token) >= 22


def test_two_clients_get_different_tokens(client: Browser) -> None:
    tokens = {new_link(client)[1] for _ in range(5)}
    assert len(tokens) == 5


def test_reopening_the_link_shows_the_same_results(client: Browser) -> None:
    make_therapist(name="Alex Rivera", directness=7)
    make_therapist(name="Sam Okafor", directness=2)
    results_url, _ = new_link(client, directness_point="2", directness_importance="3")

    first = client.get(results_url)
    again = Browser().get(results_url)  # a different browser, e.g. from a bookmark on another device

    assert first.status_code == again.status_code == 200
    # The pages carry different CSRF tokens; the matches, their scores and their reasons are the same.
    assert ranked_content(first.content.decode()) == ranked_content(again.content.decode())
    html = first.content.decode()
    assert html.index("Sam Okafor") < html.index("Alex Rivera")


def ranked_content(html: str) -> list[str]:
    found = re.findall(r'id="therapist-\d+"|>Fit score \d+ out of 100<|<li class="reason[^>]*>[^<]*', html)
    assert found
    return found


def one_character_changed(token: str) -> str:
    replacement = "A" if token[5] != "A" else "B"
    return token[:5] + replacement + token[6:]


def test_an_unknown_or_malformed_token_is_not_found(client: Browser) -> None:
    results_url, token = new_link(client)
    for wrong in ("abc", secrets.token_urlsafe(30)[:40], one_character_changed(token), token + "x", token[:-1]):
        assert wrong != token
        assert client.get(reverse("questionnaire:results", args=[wrong])).status_code == 404, wrong
        assert client.get(reverse("questionnaire:edit", args=[wrong])).status_code == 404, wrong
    assert client.get(results_url).status_code == 200


def test_only_the_sha256_of_the_token_is_stored(client: Browser) -> None:
    _, token = new_link(client)

    row = Client.objects.values().get()
    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    for column, value in row.items():
        assert token not in str(value), column


def test_pages_ask_browsers_to_send_no_referer_to_other_sites(client: Browser) -> None:
    therapist = make_therapist()
    results_url, token = new_link(client)

    for url in (
        results_url,
        reverse("questionnaire:edit", args=[token]),
        reverse("questionnaire:therapist_for_client", args=[token, therapist.pk]),
        reverse("questionnaire:start"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Referrer-Policy"] == "same-origin", url


def test_the_lookup_by_link_reads_every_field_as_the_orm_does() -> None:
    saved, token = make_client(
        languages=["es", "en"], concerns=["anxiety"], completed_at=timezone.now(), zip_code="94110", max_fee=120
    )

    found = Client.objects.get_by_token(token)
    expected = Client.objects.get(pk=saved.pk)

    for field in Client._meta.concrete_fields:
        assert getattr(found, field.attname) == getattr(expected, field.attname), field.attname
    assert found.languages == ["es", "en"] and found.concerns == ["anxiety"]
    assert timezone.is_aware(found.completed_at) and not found._state.adding
    found.max_fee = 90
    found.save()  # an instance like any other: it saves in place
    assert Client.objects.get(pk=saved.pk).max_fee == 90


def test_a_link_that_matches_nobody_is_not_found_filtered_or_not() -> None:
    _, token = make_client()
    with pytest.raises(Client.DoesNotExist):
        Client.objects.get_by_token(token + "x")
    with pytest.raises(Client.DoesNotExist):
        Client.objects.filter(state="NY").get_by_token(token)  # a filtered set still applies its filter
    assert Client.objects.filter(state="CA").get_by_token(token).state == "CA"
