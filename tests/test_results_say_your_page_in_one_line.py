"""The results page says the client's own corner in one line, with a line each for a request nobody has answered
for days and for a check-in to offer; the full box, with everything it could do, is on the shortlist page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_sent_request, make_therapist

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


@pytest.fixture
def a_client_some_way_in() -> tuple[str, list]:
    people = [make_therapist(name=name, license_number=name) for name in ("Dana Exact", "Blake Near", "Casey Far")]
    owner, token = make_client()
    owner.shortlist.create(therapist=people[0])
    owner.shortlist.create(therapist=people[1])
    owner.set_aside.create(therapist=people[2])
    make_sent_request(people[0], client=owner, sent_ago=timedelta(days=4))
    make_sent_request(people[1], client=owner, sent_ago=timedelta(days=1), answered_after=timedelta(hours=2))
    return token, people


def test_the_results_page_says_it_in_one_line_with_a_line_for_what_cannot_wait(
    client: Browser, a_client_some_way_in: tuple[str, list]
) -> None:
    token, (dana, blake, _) = a_client_some_way_in

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    region = html[html.index('<section class="your-line') : html.index("</section>", html.index("your-line"))]
    assert region.count("<p") == 1 + 1 + 1 + 2  # the line, one recent reply, one nudge, two check-ins
    assert "Blake Near replied" in text_of(region)
    line = text_of(region[: region.index("</p>")])
    assert line == "Your shortlist (2 of 5) · Conversations (2, 1 replied) · Set aside (1) · Delete everything"
    assert "No answer from Dana Exact yet, after 4 days. That says nothing about you." in text_of(region)
    assert "You met Dana Exact: how did it feel?" in region and "You met Blake Near: how did it feel?" in region
    assert 'class="your-page' not in html  # the full box is not on the results page


def test_the_shortlist_page_keeps_the_full_box(client: Browser, a_client_some_way_in: tuple[str, list]) -> None:
    token, (dana, blake, casey) = a_client_some_way_in

    html = client.get(reverse("questionnaire:shortlist", args=[token])).content.decode()

    assert '<section class="your-page card mb-4" aria-labelledby="your-page-heading">' in html
    assert reverse("questionnaire:bring_back", args=[token, casey.pk]) in html
    assert reverse("questionnaire:download", args=[token]) in html
    assert reverse("questionnaire:delete_everything", args=[token]) in html
    assert 'id="requests-heading">Requests you sent</h3>' in html
    assert 'id="set-aside-heading">Set aside</h3>' in html
    assert "No answer from Dana Exact yet" in html
