"""Below the client's own line a results page is kept once rendered (questionnaire.results_body): what is kept
holds nothing of one request or one visitor, and what the client or a therapist does still shows at once."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest, Message, Side
from matchmaker.memo import Memo
from matchmaker.sealing import seal, unseal
from questionnaire.results_body import BODIES, shared_key
from tests.factories import make_client, make_consultation_request, make_therapist

pytestmark = pytest.mark.django_db


def csrf_of(html: str) -> str:
    found = re.search(
        r'<form id="shortlist-form"[^>]*><input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"', html
    )
    assert found is not None
    return found.group(1)


def test_what_is_kept_holds_no_link_no_csrf_token_and_no_message(client: Browser) -> None:
    make_therapist(name="Dana Kept")
    _, token = make_client(state="CA")
    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert len(BODIES) == 1
    kept = next(iter(BODIES.kept.values()))[1].html
    assert "Dana Kept" in kept and kept in html
    assert token not in kept
    assert "csrfmiddlewaretoken" not in kept and csrf_of(html) not in kept


def test_a_second_visitor_of_a_kept_page_gets_their_own_csrf_token_and_can_save() -> None:
    dana = make_therapist(name="Dana Kept")
    _, token = make_client(state="CA")
    url = reverse("questionnaire:results", args=[token])
    first, second = Browser(enforce_csrf_checks=True), Browser(enforce_csrf_checks=True)
    first.get(url)
    html = second.get(url).content.decode()  # the body comes from memory this time
    assert len(BODIES) == 1

    saved = second.post(f"{url}shortlist/{dana.pk}/add/", {"csrfmiddlewaretoken": csrf_of(html), "next": ""})

    assert saved.status_code == 302
    assert "✓ On your shortlist" in second.get(url).content.decode()


def test_a_reply_shows_on_the_line_while_the_page_below_is_kept(client: Browser) -> None:
    dana = make_therapist(name="Dana Kept")
    owner, token = make_client(state="CA")
    sent = make_consultation_request(dana, client=owner)
    url = reverse("questionnaire:results", args=[token])
    assert "Dana Kept replied" not in client.get(url).content.decode()

    Message.objects.create(request=sent, sender=Side.THERAPIST, body="Yes, let's talk.")
    ConsultationRequest.objects.filter(pk=sent.pk).update(first_reply_at=timezone.now(), status="replied")

    html = client.get(url).content.decode()
    assert "Dana Kept replied" in html
    assert "Conversations (1, 1 replied)" in html


@pytest.mark.parametrize("page", ["abc", "99999999999", "2", "-1"])
def test_odd_page_numbers_show_a_page_and_only_real_numbers_are_kept(client: Browser, page: str) -> None:
    make_therapist(name="Dana Kept")
    _, token = make_client(state="CA")

    response = client.get(reverse("questionnaire:results", args=[token]), {"page": page})

    assert response.status_code == 200
    assert "Dana Kept" in response.content.decode()  # one page of one therapist: every odd number shows it
    assert len(BODIES) == (1 if page == "2" else 0)


def test_kept_values_are_let_go_once_expired(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr("matchmaker.memo.time.monotonic", lambda: clock[0])
    memo: Memo[str] = Memo(size=10, seconds=60)
    memo.get("old", lambda: "a")
    clock[0] += 61
    memo.get("new", lambda: "b")  # making a value lets go of what has expired, without being asked for it

    assert list(memo.kept) == ["new"]
    assert memo.get("old", lambda: "made again") == "made again"


def test_deleting_everything_lets_go_of_the_kept_pages_at_once(client: Browser) -> None:
    make_therapist(name="Dana Kept")
    _, token = make_client(state="CA")
    client.get(reverse("questionnaire:results", args=[token]))
    client.get(reverse("questionnaire:results", args=[token]), {"page": "2"})
    assert len(BODIES) == 2

    client.post(reverse("questionnaire:delete_everything", args=[token]))

    assert len(BODIES) == 0


def test_another_server_finds_the_page_sealed_in_the_shared_cache(client: Browser, django_assert_num_queries) -> None:
    make_therapist(name="Dana Kept")
    _, token = make_client(state="CA")
    url = reverse("questionnaire:results", args=[token])
    first = client.get(url).content.decode()
    key = next(iter(BODIES.kept))
    raw = cache.get(shared_key(key))
    assert isinstance(raw, bytes)
    assert b"Dana Kept" not in raw and token.encode() not in raw  # sealed: nothing readable
    assert unseal("another link entirely", shared_key(key), raw) is None
    assert unseal(token, shared_key((key[0], 2, key[2])), raw) is None  # bound to its own cache key

    BODIES.clear()  # as on another server: nothing of this page in its memory
    with django_assert_num_queries(2):  # the client and the line: no ranking, no therapists
        again = client.get(url).content.decode()

    assert kept_part(again) == kept_part(first)
    assert "Dana Kept" in kept_part(again)


def test_deleting_everything_drops_the_shared_pages_too(client: Browser) -> None:
    make_therapist(name="Dana Kept")
    _, token = make_client(state="CA")
    client.get(reverse("questionnaire:results", args=[token]))
    where = shared_key(next(iter(BODIES.kept)))
    assert cache.get(where) is not None

    client.post(reverse("questionnaire:delete_everything", args=[token]))

    assert cache.get(where) is None


def kept_part(html: str) -> str:
    return html[html.index('<p class="alert alert-info private-link-note') : html.index("</main>")]


@pytest.mark.parametrize("held", [b"not json", b'["html", "one", true]', b"[1, 2]", b"{}"])
def test_a_shared_entry_holding_anything_else_is_rendered_anew(client: Browser, held: bytes) -> None:
    make_therapist(name="Dana Kept")
    _, token = make_client(state="CA")
    url = reverse("questionnaire:results", args=[token])
    client.get(url)
    key = next(iter(BODIES.kept))
    BODIES.clear()
    cache.set(shared_key(key), seal(token, shared_key(key), held), 60)  # as another version might have written

    response = client.get(url)

    assert response.status_code == 200
    assert "Dana Kept" in response.content.decode()
    assert unseal(token, shared_key(key), cache.get(shared_key(key))) != held  # and kept right this time
