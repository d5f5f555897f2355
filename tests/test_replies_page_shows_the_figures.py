"""The replies page shows, for a small directory worked out by hand, the totals, the listings that never
answer, the rows per therapist and per state, and the split by what clients asked for."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.conversations import requests_forget_client
from tests.factories import make_sent_request, make_staff, make_therapist
from tests.html_helpers import table_rows

pytestmark = pytest.mark.django_db

SPLIT_TABLE = "Reply rate by what the client asked for, in numbers"


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


def small_directory(*, dana_name: str = "Dana Reyes") -> dict[str, Any]:
    """Dana answers 4 of 5 (after 1, 2, 6 and 10 hours); Sam answers none of 5; Lee answered one after
    36 hours and has left, and so has that client. One more request to Dana is too recent to count."""
    dana = make_therapist(name=dana_name, license_number="LIC-D")
    sam = make_therapist(name="Sam Stone", license_number="LIC-S")
    lee = make_therapist(name="Lee Left", license_number="LIC-L")
    for after in (1, 2, 6, 10, None):
        make_sent_request(
            dana,
            sent_ago=timedelta(days=10),
            answered_after=None if after is None else hours(after),
            asked_state="CA",
            asked_format="online",
        )
    for _ in range(5):
        make_sent_request(
            sam, sent_ago=timedelta(days=5), asked_state="CA", asked_format="in_person", asked_insurance=True
        )
    make_sent_request(dana, sent_ago=hours(1), asked_state="CA", asked_format="online")
    gone = make_sent_request(lee, sent_ago=timedelta(days=4), answered_after=hours(36), asked_state="OR")
    requests_forget_client(requests=[gone.pk])
    lee.delete()
    return {"dana": dana, "sam": sam}


@pytest.fixture
def curator(client: Browser) -> Browser:
    client.force_login(make_staff("curator"))
    return client


def page(client: Browser, query: str = "") -> str:
    response = client.get(reverse("replies") + query)
    assert response.status_code == 200
    return response.content.decode()


def test_it_sums_up_what_counts(curator: Browser) -> None:
    small_directory()

    html = page(curator)

    assert "<strong>11</strong> requests count." in html
    assert "<strong>5</strong> answered: a reply rate of <strong>45%</strong>." in html
    # Over 1, 2, 6, 10 and 36 hours.
    assert "Median time to a first reply: <strong>6 hours</strong>." in html
    assert "went to demo listings" not in html


def test_it_lists_the_listing_that_never_answers_with_a_link_to_it(curator: Browser) -> None:
    sam = small_directory()["sam"]

    html = page(curator)

    change = reverse("admin:profiles_therapist_change", args=[sam.pk])
    assert f'<li><a href="{change}">Sam Stone</a>:\n          5 requests, none answered</li>' in html


def test_it_shows_each_therapist_worst_first_with_links(curator: Browser) -> None:
    dana = small_directory()["dana"]

    html = page(curator)

    assert table_rows(html, "Replies per therapist") == [
        ["Therapist", "Requests", "Answered", "Reply rate", "Median time to first reply"],
        ["Sam Stone", "5", "0", "0%", "–"],
        ["Dana Reyes", "5", "4", "80%", "4 hours"],
        ["Lee Left (left Matchmaker)", "1", "1", "100%", "1.5 days"],
    ]
    assert f'<a href="{reverse("admin:profiles_therapist_change", args=[dana.pk])}">Dana Reyes</a>' in html


def test_it_shows_each_state_leaving_out_the_client_who_deleted_everything(curator: Browser) -> None:
    small_directory()

    assert table_rows(page(curator), "Replies per state") == [
        ["State", "Requests", "Answered", "Reply rate", "Median time to first reply"],
        ["California", "10", "4", "40%", "4 hours"],
    ]


def test_it_splits_the_reply_rate_by_what_was_asked(curator: Browser) -> None:
    small_directory()

    rows = table_rows(page(curator), SPLIT_TABLE)

    assert rows == [
        ["Asked for", "Requests", "Answered", "Reply rate", "Median time to first reply"],
        ["A sliding scale"],
        ["Asked for a sliding scale", "fewer than 5"],
        ["Did not ask for one", "10", "4", "40%", "4 hours"],
        ["Insurance"],
        ["Asked to use insurance", "5", "0", "0%", "–"],
        ["Did not ask to use insurance", "5", "4", "80%", "4 hours"],
        ["Language"],
        ["Asked for a language besides English", "fewer than 5"],
        ["Did not ask for another language", "10", "4", "40%", "4 hours"],
        ["How they wanted to meet"],
        ["Online", "5", "4", "80%", "4 hours"],
        ["In person", "5", "0", "0%", "–"],
        ["Either is fine", "fewer than 5"],
    ]


def test_it_draws_a_bar_per_shown_group_with_its_words(curator: Browser) -> None:
    small_directory()

    html = page(curator)

    assert '<svg viewBox="0 0 640 ' in html
    assert "<title>Insurance, Asked to use insurance: 0% answered (0 of 5)</title>" in html
    assert "<title>How they wanted to meet, Online: 80% answered (4 of 5)</title>" in html
    # 80% of the 280 units from 0% to 100%.
    assert 'width="224.0" height="14"><title>How they wanted to meet, Online' in html
    assert html.count('class="replies-bar"') == 6
    assert html.count('class="replies-value replies-hidden"') == 3


def test_it_says_in_one_sentence_why_small_groups_show_no_figures(curator: Browser) -> None:
    html = page(curator)

    assert "a state or a group with fewer than 5 requests\n    shows “fewer than 5” instead of figures" in html
    assert "the rows per therapist show their counts, since they describe the therapist, not a client." in html


def test_real_therapists_only_leaves_out_demo_listings(curator: Browser) -> None:
    small_directory()
    demo = make_therapist(name="Demo Listing", license_number="LIC-X", is_synthetic=True)
    make_sent_request(demo, sent_ago=timedelta(days=4))

    everyone = page(curator)
    real = page(curator, "?real_only=on")

    assert "<strong>12</strong> requests count." in everyone
    assert '<strong class="replies-demo">1 of 12 went to demo listings</strong>' in everyone
    assert 'Demo Listing</a>\n              <span class="replies-demo">(demo)</span>' in everyone
    assert "<strong>11</strong> requests count (real therapists only)." in real
    assert "Demo Listing" not in real
    assert f'href="{reverse("replies_therapists_csv")}?real_only=on"' in real


def test_a_therapist_name_with_markup_is_shown_as_text(curator: Browser) -> None:
    small_directory(dana_name='<img src=x onerror="alert(1)">Dana')

    html = page(curator)

    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Dana</a>" in html


def test_an_empty_directory_says_so_kindly(curator: Browser) -> None:
    html = page(curator)

    assert "<strong>0</strong> requests count." in html
    assert "No request counts yet." in html
    assert "None: every published listing with 3 or more requests that count has answered at least one." in html
