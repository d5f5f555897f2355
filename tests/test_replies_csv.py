"""The CSV files of the replies page: the same rows as the tables, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.conversations import requests_forget_client
from tests.factories import make_sent_request, make_staff, make_therapist

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x","y")'


def rows(client: Browser, name: str, query: str = "") -> list[list[str]]:
    response = client.get(reverse(name) + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert "no-store" in response["Cache-Control"]
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.fixture
def curator(client: Browser) -> Browser:
    client.force_login(make_staff("curator"))
    return client


def test_it_writes_one_row_per_therapist_worst_first(curator: Browser) -> None:
    dana = make_therapist(name="Dana Reyes", license_number="LIC-D")
    sam = make_therapist(name="Sam Stone", license_number="LIC-S", is_synthetic=True)
    lee = make_therapist(name="Lee Left", license_number="LIC-L")
    for after in (1, 3, None):
        make_sent_request(
            dana, sent_ago=timedelta(days=6), answered_after=None if after is None else timedelta(hours=after)
        )
    make_sent_request(sam, sent_ago=timedelta(days=4))
    make_sent_request(lee, sent_ago=timedelta(days=5), answered_after=timedelta(minutes=30))
    lee.delete()

    assert rows(curator, "replies_therapists_csv") == [
        [
            "therapist",
            "therapist_id",
            "left_matchmaker",
            "demo_data",
            "requests_due",
            "answered",
            "reply_rate_percent",
            "median_hours_to_first_reply",
        ],
        ["Sam Stone", str(sam.pk), "no", "yes", "1", "0", "0", ""],
        ["Dana Reyes", str(dana.pk), "no", "no", "3", "2", "67", "2.0"],
        ["Lee Left", "", "yes", "no", "1", "1", "100", "0.5"],
    ]
    assert [row[0] for row in rows(curator, "replies_therapists_csv", "?real_only=on")[1:]] == [
        "Dana Reyes",
        "Lee Left",
    ]


def test_it_escapes_a_therapist_name_a_spreadsheet_would_run(curator: Browser) -> None:
    for index, name in enumerate((HYPERLINK, "+1 Plus", "-Minus", "@At", "\tTab", "'=Marked already")):
        make_sent_request(make_therapist(name=name, license_number=f"LIC-{index}"), sent_ago=timedelta(days=4))

    names = sorted(row[0] for row in rows(curator, "replies_therapists_csv")[1:])

    assert names == sorted(["'" + HYPERLINK, "'+1 Plus", "'-Minus", "'@At", "'\tTab", "''=Marked already"])


def test_it_writes_one_row_per_state_with_small_ones_hidden(curator: Browser) -> None:
    dana = make_therapist(name="Dana Reyes", states=("CA", "OR"))
    for after in (2, 4, 30, 8, None, None):
        answered = None if after is None else timedelta(hours=after)
        make_sent_request(dana, sent_ago=timedelta(days=5), answered_after=answered, asked_state="CA")
    for _ in range(5):
        make_sent_request(dana, sent_ago=timedelta(days=5), answered_after=timedelta(hours=1), asked_state="WA")
    for _ in range(2):
        make_sent_request(dana, sent_ago=timedelta(days=5), asked_state="OR")
    # A client who deleted everything: counted for Dana, in no state.
    gone = make_sent_request(dana, sent_ago=timedelta(days=5), answered_after=timedelta(hours=1), asked_state="NV")
    requests_forget_client(requests=[gone.pk])

    assert rows(curator, "replies_states_csv") == [
        ["state", "state_name", "requests_due", "answered", "reply_rate_percent", "median_hours_to_first_reply"],
        ["CA", "California", "6", "4", "67", "6.0"],
        # Oregon alone hidden would follow from the rest, so the next smallest goes with it.
        ["OR", "Oregon", "fewer than 5", "", "", ""],
        ["WA", "Washington", "fewer than 5", "", "", ""],
    ]
