"""A client downloads, as a JSON file, everything stored under their private link, and nothing about anyone else."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import CheckIn, ConsultationRequest, Message
from matchmaker.dimensions import BY_KEY
from questionnaire.models import Client, SetAside, ShortlistEntry
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist, make_therapist_user

pytestmark = pytest.mark.django_db

MARCH = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
TITLE = BY_KEY["directness"].title


def at(model: type, row: object, moment: datetime) -> None:
    model.objects.filter(pk=row.pk).update(created_at=moment)  # type: ignore[attr-defined]


def download(browser: Browser, token: str) -> dict:
    response = browser.get(reverse("questionnaire:download", args=[token]))
    assert response.status_code == 200
    return json.loads(response.content)


def test_it_downloads_every_row_behind_the_link_with_its_timestamps(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes", license_number="LIC-DANA")
    blake = make_therapist(name="Blake Moss")
    owner, token = make_client(
        state="OH",
        session_format="online",
        zip_code="43215",
        max_distance=10,
        languages=["en", "es"],
        max_fee=90,
        needs_sliding_scale=True,
        concerns=["anxiety"],
        wants_lgbtq_affirming=True,
        directness_point=6,
        directness_importance=3,
        furthest_step=7,
        completed_at=MARCH + timedelta(minutes=10),
        consented_at=MARCH,
    )
    at(ShortlistEntry, owner.shortlist.create(therapist=dana), MARCH + timedelta(days=1))
    at(SetAside, owner.set_aside.create(therapist=blake), MARCH + timedelta(days=2))
    sent = make_consultation_request(
        dana, client=owner, message="Could we meet on Tuesdays?", status="replied", fit_at_request=75.0
    )
    at(ConsultationRequest, sent, MARCH + timedelta(days=3))
    ConsultationRequest.objects.filter(pk=sent.pk).update(first_reply_at=MARCH + timedelta(days=3, hours=5))
    reply = sent.messages.create(sender="therapist", body="Tuesdays work. Shall we say 5pm?")
    answer = sent.messages.create(sender="client", body="5pm is perfect.")
    Message.objects.filter(pk=reply.pk).update(created_at=MARCH + timedelta(days=3, hours=5))
    Message.objects.filter(pk=answer.pk).update(created_at=MARCH + timedelta(days=4))
    check_in = make_check_in(
        dana,
        client=owner,
        bond=3,
        goals=1,
        tasks=2,
        again="unsure",
        style_steps={"directness": 2},
        wanted={"directness": 6},
    )
    at(CheckIn, check_in, MARCH + timedelta(days=20))
    seen = timezone.now() - timedelta(hours=1)
    Client.objects.filter(pk=owner.pk).update(created_at=MARCH, updated_at=MARCH + timedelta(days=5), last_seen_at=seen)

    data = download(client, token)

    dana_ref = {"name": "Dana Reyes", "profile": f"http://testserver/therapists/{dana.pk}/"}
    assert data == {
        "private_link": {
            "consented_at": "2026-03-04T10:30:00+00:00",
            "created_at": "2026-03-04T10:30:00+00:00",
            "updated_at": "2026-03-09T10:30:00+00:00",
            "last_seen_at": seen.isoformat(),
            "completed_at": "2026-03-04T10:40:00+00:00",
            "furthest_step": 7,
        },
        "answers": {
            "state": "OH",
            "session_format": "online",
            "zip_code": "43215",
            "max_distance": 10,
            "languages": ["en", "es"],
            "max_fee": 90,
            "needs_sliding_scale": True,
            "insurance": "",
            "concerns": ["anxiety"],
            "therapist_gender": "",
            "wants_lgbtq_affirming": True,
            "therapist_faith": "",
            "therapist_age_range": "",
        },
        "style": {
            "directness": {"point": 6, "importance": 3},
            "responsiveness": {"point": None, "importance": 2},
            "approach": {"point": None, "importance": 2},
            "structure": {"point": None, "importance": 2},
            "challenge": {"point": None, "importance": 2},
            "intensity": {"point": None, "importance": 2},
        },
        "shortlist": [{"therapist": dana_ref, "added_at": "2026-03-05T10:30:00+00:00"}],
        "set_aside": [
            {
                "therapist": {"name": "Blake Moss", "profile": f"http://testserver/therapists/{blake.pk}/"},
                "set_aside_at": "2026-03-06T10:30:00+00:00",
            }
        ],
        "consultation_requests": [
            {
                "therapist": dana_ref,
                "name": "Jordan",
                "contact": "jordan@example.com",
                "message": "Could we meet on Tuesdays?",
                "status": "Replied",
                "sent_at": "2026-03-07T10:30:00+00:00",
                "first_answered_at": "2026-03-07T15:30:00+00:00",
                "closed_at": None,
                "fit_when_sent": 75.0,
                "conversation": [
                    {
                        "from": "therapist",
                        "text": "Tuesdays work. Shall we say 5pm?",
                        "sent_at": "2026-03-07T15:30:00+00:00",
                    },
                    {"from": "you", "text": "5pm is perfect.", "sent_at": "2026-03-08T10:30:00+00:00"},
                ],
            }
        ],
        "check_in_questions": {
            "bond": "Could you be yourself with this therapist?",
            "goals": "Do the two of you want therapy to lead to the same things?",
            "tasks": "Does what they propose doing in sessions make sense to you?",
        },
        "check_in_answers": {"0": "Not at all", "1": "Hardly", "2": "Partly", "3": "Mostly", "4": "Completely"},
        "check_ins": [
            {
                "therapist": dana_ref,
                "bond": 3,
                "goals": 1,
                "tasks": 2,
                "would_go_back": "I'm not sure yet",
                "felt_right": False,
                "compared_with_what_you_wanted": {TITLE: "much more direct"},
                "your_points_then": {TITLE: 6},
                "checked_in_at": "2026-03-24T10:30:00+00:00",
            }
        ],
    }


def test_it_is_a_file_to_keep_that_no_cache_stores(client: Browser) -> None:
    _, token = make_client()

    response = client.get(reverse("questionnaire:download", args=[token]))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="matchmaker-my-data.json"'
    assert "no-store" in response["Cache-Control"]


def test_it_holds_nothing_about_anyone_else(client: Browser) -> None:
    dana = make_therapist_user("dana", name="Dana Reyes", license_number="LIC-DANA")
    owner, token = make_client(state="OH")
    make_consultation_request(dana, client=owner)
    other, _ = make_client(state="TX", max_fee=345)
    other.shortlist.create(therapist=dana)
    make_consultation_request(dana, client=other, name="Sam Other", contact="sam@example.org", message="Hello from Sam")
    make_check_in(dana, client=other)

    body = client.get(reverse("questionnaire:download", args=[token])).content.decode()

    for elsewhere in ("Sam Other", "sam@example.org", "Hello from Sam", '"TX"', "LIC-DANA", "dana@example.com"):
        assert elsewhere not in body, elsewhere
    assert json.loads(body)["answers"]["max_fee"] != 345  # a number, so not looked for in timestamps
    for secret in (owner.token_hash, other.token_hash, token):
        assert secret not in body
    assert json.loads(body)["shortlist"] == []
    assert json.loads(body)["check_ins"] == []


def test_it_is_linked_from_your_page_and_only_opens_with_the_link(client: Browser) -> None:
    _, token = make_client()

    # The full "your page" box is on the shortlist page; the results page says it in one line.
    html = client.get(reverse("questionnaire:shortlist", args=[token])).content.decode()

    assert f'<a href="/c/{token}/download/" download>Download everything we hold about you</a>' in html
    assert client.get("/c/not-a-real-link-at-all-really/download/").status_code == 404
