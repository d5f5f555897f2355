"""seed_demo's requests were sent over the last weeks and answered as therapists do, keep what the demo
client asked for, and give the replies page a few listings that never answer; a second run changes nothing."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from matchmaker import reply_report
from matchmaker.alliance.models import ConsultationRequest, Message
from questionnaire.reaching_out import what_was_asked

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", therapists=60, stdout=out)
    return out.getvalue()


def test_each_request_keeps_its_therapists_name_and_what_its_client_asked_for() -> None:
    seed()

    requests = ConsultationRequest.objects.select_related("client", "therapist")
    assert requests.count() > 100
    for request in requests:
        assert request.therapist_name == request.therapist.name
        asked = {name: getattr(request, name) for name in what_was_asked(request.client)}
        assert asked == what_was_asked(request.client)
    assert requests.filter(asked_insurance=True).exists()
    assert requests.filter(asked_format="in_person").exists()


def test_reply_times_agree_with_each_conversations_state_and_are_mostly_hours_to_two_days() -> None:
    seed()
    now = timezone.now()

    requests = list(ConsultationRequest.objects.all())
    for request in requests:
        assert request.created_at <= now
        if request.status == "new":
            assert request.first_reply_at is None and request.closed_at is None
        elif request.status == "replied":
            assert request.first_reply_at is not None
        else:
            assert request.closed_at is not None and request.closed_by in ("client", "therapist")
            assert request.closed_by == "client" or request.first_reply_at is not None
        if request.first_reply_at is not None:
            assert request.created_at <= request.first_reply_at <= now
    assert len({request.created_at.date() for request in requests}) >= 15  # sent over weeks, not all today
    delays = [r.first_reply_at - r.created_at for r in requests if r.first_reply_at is not None]
    within_two_days = [delay for delay in delays if delay <= timedelta(days=2)]
    assert len(within_two_days) >= 0.85 * len(delays)
    assert any(delay > timedelta(days=2) for delay in delays)
    assert any(delay < timedelta(hours=2) for delay in delays)


def test_the_replies_page_has_figures_and_three_listings_that_never_answer() -> None:
    seed()

    report = reply_report.build(reply_report.request_rows(), now=timezone.now())

    assert report.synthetic_due == report.overall.due
    assert 0.6 <= report.overall.rate <= 0.95
    assert len(report.silent) == 3
    assert all(line.figures.due >= reply_report.SILENT_AFTER for line in report.silent)
    assert len([group for group in report.states if not group.hidden]) >= 4
    assert any(line.figures.answered < line.figures.due for line in report.therapists if line not in report.silent)


def test_a_second_run_leaves_the_figures_as_they_were() -> None:
    seed()
    before = reply_report.build(reply_report.request_rows(), now=timezone.now())

    output = seed()

    after = reply_report.build(reply_report.request_rows(), now=timezone.now())
    assert "Demo clients are already loaded; no clients or requests added." in output
    assert after.overall == before.overall
    assert [line.therapist_id for line in after.silent] == [line.therapist_id for line in before.silent]


def test_a_demo_reply_is_a_message_the_client_can_read_at_the_time_it_was_answered() -> None:
    seed()

    replied = ConsultationRequest.objects.filter(status="replied").prefetch_related("messages")
    assert replied.exists()
    for request in replied:
        (message,) = request.messages.all()
        assert message.sender == "therapist" and message.created_at == request.first_reply_at
    assert not Message.objects.filter(sender="client").exists()
