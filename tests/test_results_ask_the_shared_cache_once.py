"""A first visit to a results page asks the shared cache once for everything it could find kept (the sealed page,
the kept counts and ranked page) and keeps what it made in one write; a reload on another server asks once too."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.matching.find import directory_state
from questionnaire.results_body import BODIES
from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The shared cache's methods each request called (not those they call in turn), with the keys each write kept.

    The tests' cache is in memory, whose get_many and set_many call get and set once per key; on Redis each
    call counted here is one round trip.
    """
    counted: Counter[str] = Counter()
    inside: list[str] = []
    backend = type(caches["default"])
    for name in ("get", "get_many", "set", "set_many"):
        original = getattr(backend, name)

        def spy(self: Any, *args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            if not inside:
                counted[_name] += 1
                if _name == "set_many":
                    counted["kept"] += len(args[0])
            inside.append(_name)
            try:
                return _original(self, *args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(backend, name, spy)
    return counted


def test_a_first_visit_looks_up_once_and_keeps_once(client: Browser, calls: Counter[str]) -> None:
    make_therapist(name="Dana")
    _, token = make_client(state="CA")
    directory_state()  # counted and kept already, as on any server that has shown a page
    calls.clear()

    page = client.get(reverse("questionnaire:results", args=[token]))

    assert "Dana" in page.content.decode()
    # One read of the directory's state, one of everything kept for this page, one write of the page,
    # its counts and its ranked page together.
    assert calls == Counter({"get": 1, "get_many": 1, "set_many": 1, "kept": 3})


def test_a_reload_on_another_server_opens_the_sealed_page_in_one_lookup(client: Browser, calls: Counter[str]) -> None:
    make_therapist(name="Dana")
    _, token = make_client(state="CA")
    url = reverse("questionnaire:results", args=[token])
    first = client.get(url).content.decode()
    BODIES.clear()  # another server: nothing of the page in its memory
    calls.clear()

    again = client.get(url).content.decode()

    assert calls == Counter({"get": 1, "get_many": 1})  # nothing written: the sealed page was opened
    assert again.count("Dana") == first.count("Dana") > 0
