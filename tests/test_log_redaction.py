"""Clients' private links never reach a log line."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.logging import RedactPrivateLinks, redact
from tests.factories import make_client

TOKEN = "kT3x_9QmZ-2bW8rLp0aYv7NcE4uHsJ1d"


def test_redact_removes_the_token_from_a_private_link() -> None:
    assert redact(f"/c/{TOKEN}/") == "/c/[private]/"
    assert redact(f"GET /c/{TOKEN}/therapists/12/ HTTP/1.1") == "GET /c/[private]/therapists/12/ HTTP/1.1"
    assert redact(f"/c/{TOKEN}/answers/") == "/c/[private]/answers/"


def test_redact_removes_every_token_in_a_line() -> None:
    other = "Zz9_Yy8-Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0"
    line = redact(f"from https://example.org/c/{TOKEN}/ to /c/{other}/answers/")
    assert TOKEN not in line
    assert other not in line
    assert line.count("/c/[private]/") == 2


def test_redact_leaves_other_paths_alone() -> None:
    for text in ("/therapists/12/", "/start/", "/admin/profiles/therapist/", "/c/"):
        assert redact(text) == text


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """What the handler configured in settings writes for Django's loggers."""
    stream = io.StringIO()
    handlers = [
        handler
        for name in ("django", "django.server")
        for handler in logging.getLogger(name).handlers
        if any(isinstance(f, RedactPrivateLinks) for f in handler.filters)
    ]
    assert handlers, "no handler of the django loggers carries the redacting filter"
    previous = [handler.setStream(stream) for handler in handlers]  # type: ignore[attr-defined]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_a_not_found_private_link_is_logged_without_its_token(
    client: Browser, captured: io.StringIO, caplog: pytest.LogCaptureFixture
) -> None:
    _, token = make_client()
    url = reverse("questionnaire:therapist_for_client", args=[token, 999999])

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(url)

    assert response.status_code == 404
    written = captured.getvalue()
    assert "Not Found: /c/[private]/therapists/999999/" in written
    assert token not in written
    request_records = [r for r in caplog.records if r.name == "django.request"]
    assert request_records
    for record in request_records:
        assert token not in record.getMessage()
        assert getattr(record, "request", None) is None


def test_a_development_server_access_line_is_logged_without_its_token(captured: io.StringIO) -> None:
    # What runserver's request handler logs for every request.
    logging.getLogger("django.server").info('"%s" %s %s', f"GET /c/{TOKEN}/ HTTP/1.1", 200, 5120)

    written = captured.getvalue()
    assert '"GET /c/[private]/ HTTP/1.1" 200 5120' in written
    assert TOKEN not in written


def test_the_filter_redacts_a_record_with_a_request_attached() -> None:
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/c/{TOKEN}/",), None)
    record.request = object()

    assert RedactPrivateLinks().filter(record) is True
    assert record.getMessage() == "Not Found: /c/[private]/"
    assert record.request is None
