"""seed_demo loads a demo directory and demo accounts once, and is safe to run again."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from profiles.models import State, Therapist

pytestmark = pytest.mark.django_db


def seed(therapists: int = 30) -> str:
    out = StringIO()
    call_command("seed_demo", therapists=therapists, stdout=out)
    return out.getvalue()


def shown_password(output: str, username: str) -> str:
    match = re.search(rf"\b{username} / (\S+)", output)
    assert match, output
    return match.group(1)


def test_it_creates_a_published_demo_directory_over_several_states() -> None:
    seed(30)

    demo = Therapist.objects.exclude(user__username="therapist")
    assert demo.count() == 30
    assert demo.published().count() == 30
    assert all(t.verified_at is not None for t in demo)
    states = State.objects.filter(therapists__in=demo).distinct()
    assert states.count() >= 3
    # Everyone in the demo directory is licensed somewhere.
    assert demo.filter(licensed_states__isnull=True).count() == 0


def test_it_creates_an_admin_and_a_therapist_account_and_shows_their_passwords() -> None:
    output = seed(30)
    User = get_user_model()

    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert admin.check_password(shown_password(output, "admin"))

    therapist_user = User.objects.get(username="therapist")
    assert not therapist_user.is_staff
    assert therapist_user.check_password(shown_password(output, "therapist"))
    assert Therapist.objects.get(user=therapist_user).is_published


def test_a_second_run_adds_nothing_and_does_not_show_passwords_again() -> None:
    first = seed(30)
    counts = (Therapist.objects.count(), get_user_model().objects.count(), State.objects.count())

    second = seed(30)

    assert (Therapist.objects.count(), get_user_model().objects.count(), State.objects.count()) == counts
    for username in ("admin", "therapist"):
        assert shown_password(first, username) not in second
    assert "already" in second


def test_it_adds_synthetic_check_ins_that_follow_requests_with_a_stored_fit_once() -> None:
    from matchmaker import evidence_page
    from matchmaker.alliance.models import CheckIn

    seed(30)
    seed(30)

    assert CheckIn.objects.count() == CheckIn.objects.filter(is_synthetic=True).count() == 60
    shown = evidence_page.build()
    assert (shown.n, shown.synthetic) == (60, 60)
    assert shown.correlation is not None
