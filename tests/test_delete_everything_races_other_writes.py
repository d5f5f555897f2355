"""Delete everything, racing another write from the same link: never a 500, and nothing of the client is left."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import CheckIn, ConsultationRequest
from profiles.models import Therapist
from questionnaire.models import Client, SetAside, ShortlistEntry
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 20
CLIENT_OWNED = (ShortlistEntry, SetAside, ConsultationRequest, CheckIn)


def writes(token: str, dana: Therapist, blake: Therapist) -> list[tuple[str, dict[str, object]]]:
    """Every kind of write a private link can make, aimed at rows the deletion would have to find."""
    return [
        (reverse("questionnaire:shortlist_add", args=[token, blake.pk]), {}),
        (reverse("questionnaire:set_aside", args=[token, blake.pk]), {}),
        (
            reverse("questionnaire:check_in", args=[token, dana.pk]),
            {"bond": 4, "goals": 4, "tasks": 4, "again": "yes"},
        ),
        (
            reverse("questionnaire:request_consultation", args=[token, blake.pk]),
            {"name": "Jo", "contact": "jo@example.com", "message": "Hello."},
        ),
        (reverse("questionnaire:refine", args=[token]), {"max_fee": "150"}),
        (reverse("questionnaire:step", args=[token, 1]), {"state": "CA", "session_format": "online"}),
    ]


def post_in_a_thread(
    url: str, data: dict[str, object], start: threading.Barrier, statuses: list[int], cookies: object = None
) -> None:
    browser = Browser(raise_request_exception=False)
    if cookies:
        browser.cookies = cookies  # type: ignore[assignment]
    try:
        start.wait()
        statuses.append(browser.post(url, data).status_code)
    finally:
        connection.close()


def race(*posts: tuple[str, dict[str, object]], cookies: object = None) -> list[int]:
    """POST each at once from its own thread; `cookies` go with the last one (a logged-in therapist, say)."""
    statuses: list[int] = []
    start = threading.Barrier(len(posts))
    threads = [
        threading.Thread(
            target=post_in_a_thread, args=(url, data, start, statuses, cookies if n == len(posts) - 1 else None)
        )
        for n, (url, data) in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(statuses) == len(posts), "a request did not finish"
    return statuses


def test_a_write_racing_the_deletion_never_fails_and_leaves_nothing_behind() -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite writes lock the whole database file, and its test database is not shared by threads")
    dana = make_therapist(name="Dana")
    blake = make_therapist(name="Blake", license_number="LIC-2")
    counts: Callable[[int], dict[str, int]] = lambda pk: {  # noqa: E731
        model.__name__: model.objects.filter(client_id=pk).count() for model in CLIENT_OWNED
    }

    for round_number in range(ROUNDS):
        owner, token = make_client(furthest_step=1)
        owner.shortlist.create(therapist=dana)
        make_consultation_request(dana, client=owner)
        make_check_in(dana, client=owner)
        options = writes(token, dana, blake)
        other = options[round_number % len(options)]

        statuses = race((reverse("questionnaire:delete_everything", args=[token]), {}), other)

        assert 500 not in statuses, (round_number, other[0], statuses)
        assert not Client.objects.filter(pk=owner.pk).exists(), round_number
        assert not Client.objects.filter(token_hash=owner.token_hash).exists(), round_number
        assert counts(owner.pk) == dict.fromkeys(counts(owner.pk), 0), round_number
