"""The results page's line (one plain SQL statement) says what the shortlist page's box (the ORM) says.

Each figure is pinned on its own first, then the two are held to the same answers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest, Message, Side
from questionnaire.models import SetAside, ShortlistEntry
from questionnaire.your_line import your_line
from questionnaire.your_page import your_page
from tests.factories import make_check_in, make_client, make_sent_request, make_therapist

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy() -> dict[str, object]:
    """A client who saved two therapists, set one aside and wrote to four (one answered, one silent, one closed,
    one who left), and checked in about one of them."""
    owner, token = make_client(state="CA")
    saved_a, saved_b, aside = (make_therapist(name=n, license_number=n) for n in ("Ana", "Ben", "Cy"))
    answered, silent, closed, leaving = (make_therapist(name=n, license_number=n) for n in ("Dee", "Eli", "Fay", "Gus"))
    ShortlistEntry.objects.create(client=owner, therapist=saved_a)
    ShortlistEntry.objects.create(client=owner, therapist=saved_b)
    SetAside.objects.create(client=owner, therapist=aside)
    replied = make_sent_request(answered, client=owner, sent_ago=timedelta(days=2), answered_after=timedelta(hours=3))
    Message.objects.create(request=replied, sender=Side.THERAPIST, body="Happy to talk.")
    Message.objects.filter(request=replied).update(created_at=timezone.now() - timedelta(hours=5))
    make_sent_request(silent, client=owner, sent_ago=timedelta(days=4))
    shut = make_sent_request(closed, client=owner, sent_ago=timedelta(days=6))
    ConsultationRequest.objects.filter(pk=shut.pk).update(status=ConsultationRequest.Status.CLOSED)
    make_sent_request(leaving, client=owner, sent_ago=timedelta(days=5))
    check_in = make_check_in(answered, client=owner)
    leaving.delete()  # their conversation stays with the client, under the name they had
    return {"owner": owner, "token": token, "saved": {saved_a.pk, saved_b.pk}, "check_in": check_in.pk}


def test_the_line_counts_what_the_client_did(busy: dict[str, object]) -> None:
    line = your_line(busy["owner"])  # type: ignore[arg-type]

    assert line.shortlisted_ids == busy["saved"]
    assert line.shortlist_count == 2
    assert line.set_aside_count == 1
    assert [sent.therapist_name for sent in line.requests] == ["Dee", "Eli", "Gus", "Fay"]  # newest first
    assert line.replied_count == 1
    assert [sent.therapist_name for sent in line.recent_replies] == ["Dee"]
    assert line.recent_replies[0].last_therapist_message_at < timezone.now() - timedelta(hours=4)
    assert [sent.therapist_name for sent in line.waiting_too_long] == ["Eli"]
    offers = {(offer.therapist_name, offer.latest_check_in) for offer in line.check_ins}
    assert offers == {("Dee", busy["check_in"]), ("Eli", None), ("Fay", None)}


def test_the_line_and_the_box_agree(busy: dict[str, object]) -> None:
    line, box = your_line(busy["owner"]), your_page(busy["owner"])  # type: ignore[arg-type]

    assert line.shortlisted_ids == box.shortlisted_ids
    assert line.set_aside_count == len(box.set_aside)
    assert [s.pk for s in line.requests] == [s.pk for s in box.requests]
    assert line.replied_count == box.replied_count
    assert [s.pk for s in line.recent_replies] == [s.pk for s in box.recent_replies]
    assert [s.pk for s in line.waiting_too_long] == [s.pk for s in box.waiting_too_long]
    assert [(o.therapist_pk, o.therapist_name, o.latest_check_in) for o in line.check_ins] == [
        (o.therapist.pk, o.therapist.name, o.latest_check_in) for o in box.check_ins
    ]


def test_the_results_page_shows_the_line(client: Browser, busy: dict[str, object]) -> None:
    html = client.get(reverse("questionnaire:results", args=[busy["token"]])).content.decode()

    assert 'Your shortlist (<span class="shortlist-count">2</span> of 5)' in html
    assert "Conversations (4, 1 replied)" in html
    assert "Set aside (1)" in html
    assert "Dee replied 5\xa0hours ago" in html  # the time words keep a number with its unit
    assert "No answer from Eli yet, after 4\xa0days." in html
    assert "You met Dee: how did it feel?" in html
    assert html.count("what we said last time") == 1  # Dee's check-in only
