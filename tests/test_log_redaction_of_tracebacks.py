"""A server error on a private page is logged with its traceback, and neither the message nor the
traceback carries the client's token."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.logging import RedactingFormatter, RedactPrivateLinks
from questionnaire.models import ClientQuerySet
from tests.factories import make_client

TOKEN = "kT3x_9QmZ-2bW8rLp0aYv7NcE4uHsJ1d"


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """What the console handler configured in settings writes for Django's loggers."""
    stream = io.StringIO()
    handler = next(h for h in logging.getLogger("django").handlers if isinstance(h, logging.StreamHandler))
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def failing_record() -> logging.LogRecord:
    try:
        raise RuntimeError(f"could not load /c/{TOKEN}/answers/ (resolver said 'c/{TOKEN}/')")
    except RuntimeError:
        info = sys.exc_info()
    return logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error", (), info)


def test_the_filter_redacts_the_traceback_for_every_handler_after_it() -> None:
    record = failing_record()

    RedactPrivateLinks().filter(record)
    written = logging.Formatter().format(record)  # a plain formatter, as another handler might have

    assert "RuntimeError: could not load /c/[private]/answers/ (resolver said 'c/[private]/')" in written
    assert TOKEN not in written


def test_the_formatter_redacts_a_traceback_on_its_own() -> None:
    written = RedactingFormatter().format(failing_record())

    assert "Traceback (most recent call last)" in written
    assert "/c/[private]/answers/" in written
    assert TOKEN not in written


@pytest.mark.django_db
def test_a_500_on_a_private_page_is_logged_without_the_token(
    monkeypatch: pytest.MonkeyPatch, captured: io.StringIO
) -> None:
    _, token = make_client()

    def broken(self: ClientQuerySet, token: str) -> None:
        raise RuntimeError(f"the database went away while reading /c/{token}/")

    monkeypatch.setattr(ClientQuerySet, "get_by_token", broken)

    response = Browser(raise_request_exception=False).get(reverse("questionnaire:results", args=[token]))

    assert response.status_code == 500
    written = captured.getvalue()
    assert "Internal Server Error: /c/[private]/" in written
    assert "RuntimeError: the database went away while reading /c/[private]/" in written
    assert token not in written
