"""A client saves therapists to a shortlist of at most five, once each, from a card or a profile."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from questionnaire.models import ShortlistEntry
from tests.factories import make_client, make_therapist
from tests.html_helpers import from_results

pytestmark = pytest.mark.django_db

LIMIT = ShortlistEntry.MAX_PER_CLIENT


def add_url(token: str, therapist: Therapist) -> str:
    return reverse("questionnaire:shortlist_add", args=[token, therapist.pk])


def remove_url(token: str, therapist: Therapist) -> str:
    return reverse("questionnaire:shortlist_remove", args=[token, therapist.pk])


def test_it_saves_a_therapist_and_shows_them_as_on_the_shortlist(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    owner, token = make_client()
    results = reverse("questionnaire:results", args=[token])

    response = client.post(add_url(token, dana), {"next": f"{results}#therapist-{dana.pk}"}, follow=True)

    assert response.redirect_chain == [(f"{results}#therapist-{dana.pk}", 302)]
    assert list(owner.shortlist.values_list("therapist", flat=True)) == [dana.pk]
    html = response.content.decode()
    assert "Dana Exact is on your shortlist." in html
    assert "On your shortlist" in html
    assert from_results(reverse("questionnaire:shortlist_remove", args=[token, dana.pk]), token) in html


def test_it_keeps_one_entry_when_the_same_therapist_is_saved_twice(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    owner, token = make_client()

    client.post(add_url(token, dana))
    response = client.post(add_url(token, dana), follow=True)

    assert owner.shortlist.count() == 1
    assert "Dana Exact was already on your shortlist." in response.content.decode()


def test_it_refuses_a_sixth_therapist_kindly_and_keeps_the_five(client: Browser) -> None:
    saved = [make_therapist(name=f"Saved {index}", license_number=f"L{index}") for index in range(LIMIT)]
    one_more = make_therapist(name="One More")
    owner, token = make_client()
    for therapist in saved:
        assert client.post(add_url(token, therapist)).status_code == 302

    response = client.post(add_url(token, one_more), follow=True)

    assert response.status_code == 200
    assert sorted(owner.shortlist.values_list("therapist", flat=True)) == sorted(t.pk for t in saved)
    html = response.content.decode()
    assert f"Your shortlist already holds {LIMIT} therapists" in html
    assert "To save One More, remove someone first" in html


def test_it_makes_room_after_a_removal(client: Browser) -> None:
    saved = [make_therapist(name=f"Saved {index}", license_number=f"L{index}") for index in range(LIMIT)]
    one_more = make_therapist(name="One More")
    owner, token = make_client()
    for therapist in saved:
        client.post(add_url(token, therapist))

    client.post(remove_url(token, saved[0]))
    client.post(add_url(token, one_more))

    expected = {t.pk for t in saved[1:]} | {one_more.pk}
    assert set(owner.shortlist.values_list("therapist", flat=True)) == expected


@pytest.mark.parametrize("status", [Therapist.Status.DRAFT, Therapist.Status.PENDING, Therapist.Status.REJECTED])
def test_it_cannot_shortlist_an_unpublished_therapist(client: Browser, status: str) -> None:
    hidden = make_therapist(name="Hidden", status=status)
    owner, token = make_client()

    assert client.post(add_url(token, hidden)).status_code == 404
    assert owner.shortlist.count() == 0


def test_a_tampered_therapist_id_or_link_is_not_found_and_saves_nothing(client: Browser) -> None:
    dana = make_therapist()
    owner, token = make_client()
    missing = Therapist.objects.order_by("-pk").first().pk + 1  # type: ignore[union-attr]

    assert client.post(reverse("questionnaire:shortlist_add", args=[token, missing])).status_code == 404
    assert client.post(reverse("questionnaire:shortlist_add", args=[token + "x", dana.pk])).status_code == 404
    assert client.post(f"/c/{token}/shortlist/not-a-number/add/").status_code == 404
    assert client.post(remove_url(token, dana)).status_code == 404  # not on the shortlist
    assert ShortlistEntry.objects.count() == 0


def test_saving_is_a_post_only(client: Browser) -> None:
    dana = make_therapist()
    owner, token = make_client()

    assert client.get(add_url(token, dana)).status_code == 405
    assert owner.shortlist.count() == 0


def test_one_clients_buttons_cannot_touch_another_clients_shortlist(client: Browser) -> None:
    dana = make_therapist()
    owner, _ = make_client()
    _, other_token = make_client()
    owner.shortlist.create(therapist=dana)

    client.post(remove_url(other_token, dana))

    assert owner.shortlist.count() == 1


@pytest.mark.parametrize(
    "next_url",
    [
        "https://elsewhere.example/",
        "//elsewhere.example/",
        "/admin/",
        "/c/someone-elses-token/",
        "/c/TOKEN/\r\nSet-Cookie: x=y",
        "",
    ],
)
def test_it_only_returns_to_pages_under_the_clients_own_link(client: Browser, next_url: str) -> None:
    dana = make_therapist()
    _, token = make_client()

    response = client.post(add_url(token, dana), {"next": next_url.replace("TOKEN", token)})

    assert response.status_code == 302
    assert response["Location"] == reverse("questionnaire:results", args=[token])


def test_it_returns_to_the_profile_the_button_was_on(client: Browser) -> None:
    dana = make_therapist()
    _, token = make_client()
    profile = reverse("questionnaire:therapist_for_client", args=[token, dana.pk])

    response = client.post(add_url(token, dana), {"next": profile})

    assert response["Location"] == profile


def test_the_shortlist_page_lists_saved_therapists_and_one_no_longer_listed(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact")
    gone = make_therapist(name="Gone Away")
    owner, token = make_client()
    owner.shortlist.create(therapist=dana)
    owner.shortlist.create(therapist=gone)
    Therapist.objects.filter(pk=gone.pk).update(status=Therapist.Status.DRAFT)

    html = client.get(reverse("questionnaire:shortlist", args=[token])).content.decode()

    assert f'name="therapist" value="{dana.pk}"' in html
    assert f'name="therapist" value="{gone.pk}"' not in html  # cannot be compared
    assert "Gone Away <span" in html and "is no longer listed" in html
    assert remove_url(token, gone) in html
