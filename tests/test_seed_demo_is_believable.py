"""seed_demo's data is believable and marked: real-looking licences, availability over weeks, clients who wrote."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest
from profiles.models import AVAILABILITY_FRESH_DAYS, Therapist
from profiles.synthetic import FIRST_NAMES, PRONOUNS
from questionnaire.models import Client

pytestmark = pytest.mark.django_db

DEMO_STATES = {"CA", "TX", "NY", "FL", "IL", "OH", "WA", "CO"}


def seed(therapists: int = 120) -> str:
    out = StringIO()
    call_command("seed_demo", therapists=therapists, stdout=out)
    return out.getvalue()


def test_it_marks_every_demo_therapist_synthetic_without_a_licence_prefix() -> None:
    seed()

    demo = Therapist.objects.all()
    assert demo.count() == 121  # and Robin Demo, the demo account
    assert demo.filter(is_synthetic=False).count() == 0
    assert not demo.filter(license_number__istartswith="demo").exists()
    assert not demo.filter(license_number__istartswith="seed").exists()
    assert Therapist.objects.get(name="Robin Demo").license_number == "LMFT 104233"


def test_it_gives_names_that_agree_with_the_pronouns() -> None:
    seed()

    by_pronouns = {pronouns: set(FIRST_NAMES[gender]) for gender, pronouns in PRONOUNS.items()}
    for name, pronouns in Therapist.objects.filter(user__isnull=True).values_list("name", "pronouns"):
        assert name.split()[0] in by_pronouns[pronouns], (name, pronouns)


def test_it_spreads_availability_over_the_last_weeks_with_a_few_stale() -> None:
    seed()
    now = timezone.now()

    ages = [(now - at).days for at in Therapist.objects.filter(user__isnull=True).values_list(
        "availability_confirmed_at", flat=True
    )]  # fmt: skip
    fresh = [age for age in ages if age <= 40]
    stale = [age for age in ages if age > AVAILABILITY_FRESH_DAYS]
    assert len(set(fresh)) >= 15  # not all confirmed the same day
    assert max(fresh) >= 30
    assert 1 <= len(stale) <= len(ages) // 5
    assert Therapist.objects.stale().count() == len(stale)


def test_it_adds_synthetic_clients_in_every_demo_state_with_requests_of_every_status() -> None:
    output = seed()

    clients = Client.objects.all()
    assert clients.filter(is_synthetic=False).count() == 0
    assert set(clients.values_list("state", flat=True)) == DEMO_STATES
    for state in DEMO_STATES:
        assert clients.filter(state=state, completed_at__isnull=False, consented_at__isnull=False).count() >= 5
    assert len({client.preferences().__repr__() for client in clients}) == clients.count()  # varied answers
    requests = ConsultationRequest.objects.all()
    assert {r.status for r in requests} == {"new", "replied", "closed"}
    assert all(
        r.therapist.is_synthetic and r.client.is_synthetic for r in requests.select_related("therapist", "client")
    )
    assert all(r.client.state in {s.code for s in r.therapist.licensed_states.all()} for r in requests)
    demo = clients.exclude(check_ins__isnull=False)  # the evidence page's check-in clients are counted apart
    assert re.search(
        rf"Loaded {demo.count()} demo clients in 8 states and {requests.filter(client__in=demo).count()} consultation",
        output,
    )


def test_the_demo_account_has_requests_on_its_dashboard() -> None:
    seed()

    robin = Therapist.objects.get(user__username="therapist")
    assert sorted(robin.requests.values_list("status", flat=True)) == ["new", "replied"]


def test_a_second_run_adds_no_clients_or_requests_and_says_so() -> None:
    seed()
    counts = (Therapist.objects.count(), Client.objects.count(), ConsultationRequest.objects.count())

    second = seed()

    assert (Therapist.objects.count(), Client.objects.count(), ConsultationRequest.objects.count()) == counts
    assert "The demo directory is already loaded; no therapists added." in second
    assert "Demo clients are already loaded; no clients or requests added." in second
