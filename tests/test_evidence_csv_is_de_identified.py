"""Check-ins export for research as CSV: the answers and the fit, nothing that leads back to a client."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker import evidence_page
from tests.factories import make_followed_up_request, make_staff, make_therapist

pytestmark = pytest.mark.django_db

HEADER = [
    "fit_at_request",
    "bond",
    "goals",
    "tasks",
    "alliance_total",
    "would_go_back",
    "felt_right",
    "gap_directness",
    "gap_responsiveness",
    "gap_approach",
    "gap_structure",
    "gap_challenge",
    "gap_intensity",
    "came_across_directness",
    "came_across_responsiveness",
    "came_across_approach",
    "came_across_structure",
    "came_across_challenge",
    "came_across_intensity",
    "is_synthetic",
]


def download(client: Browser) -> tuple[object, list[list[str]]]:
    client.force_login(make_staff("researcher"))
    response = client.get(reverse("evidence_csv"))
    return response, list(csv.reader(io.StringIO(response.content.decode())))


def test_it_downloads_one_row_per_check_in_with_the_answers_the_fit_and_the_gaps(client: Browser) -> None:
    dana = make_therapist(name="Dana Reyes")
    make_followed_up_request(
        dana,
        fit=66.666,
        gaps={"directness": 3},
        bond=1,
        goals=2,
        tasks=3,
        again="no",
        style_steps={"directness": -2},
        wanted={"directness": 6},
    )

    response, rows = download(client)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="check-ins.csv"'
    assert rows[0] == HEADER
    assert rows[1] == ["66.7", "1", "2", "3", "6", "no", "no", "3", "", "", "", "", "", "-2", "", "", "", "", "", "no"]


def test_nothing_in_it_names_or_joins_to_a_client_or_a_therapist(client: Browser) -> None:
    dana = make_therapist(name="Dana Reyes")
    check_in = make_followed_up_request(dana, fit=80.0)
    request = check_in.client.requests.get()

    response, rows = download(client)

    text = response.content.decode()
    for private in (request.name, request.contact, request.message, dana.name):
        assert private not in text
    assert not any(column in HEADER for column in ("id", "client", "therapist", "created_at", "checked_in_at"))
    assert len(rows) == 2


def test_the_order_of_the_rows_says_nothing_about_when_they_came(client: Browser) -> None:
    dana = make_therapist()
    for fit in (90.0, 50.0, 70.0):
        make_followed_up_request(dana, fit=fit)

    _response, rows = download(client)

    assert [row[0] for row in rows[1:]] == ["50.0", "70.0", "90.0"]


def test_a_text_cell_that_a_spreadsheet_would_run_is_marked_as_text() -> None:
    assert evidence_page._cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert evidence_page._cell("@SUM(1)") == "'@SUM(1)"
    assert evidence_page._cell(-2) == -2  # a number is never a formula
