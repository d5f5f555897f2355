"""Where clients experience a therapist: next to their self-rating from 5 clients on, moved only in batches."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest, ExperiencedStyle
from matchmaker.dimensions import BY_KEY
from profiles.models import Therapist
from tests.factories import make_client, make_consultation_request, make_counted_check_ins, make_therapist_user

pytestmark = pytest.mark.django_db

TITLE = BY_KEY["structure"].title
MORE_STRUCTURED = "Clients experience you as more structured than you rate yourself."
ABOUT_RIGHT = "Clients experience you about where you place yourself."
NOT_YET = "you will see here where clients experience you on it"


def much_more_structured(count: int) -> list[dict[str, object]]:
    """Check-ins from clients who wanted 4 on structure and found the therapist much more structured: 6."""
    return [{"style_steps": {"structure": 2}, "wanted": {"structure": 4}}] * count


@pytest.fixture
def robin(client: Browser) -> Therapist:
    therapist = make_therapist_user("robin", structure=4)
    client.force_login(therapist.user)
    return therapist


def dashboard(client: Browser) -> str:
    return client.get(reverse("profiles:dashboard")).content.decode()


def test_four_clients_show_nothing(client: Browser, robin: Therapist) -> None:
    make_counted_check_ins(robin, much_more_structured(4))

    html = dashboard(client)

    assert NOT_YET in html
    assert MORE_STRUCTURED not in html


def test_five_clients_show_the_mean_and_how_it_compares_with_the_own_answer(client: Browser, robin: Therapist) -> None:
    make_counted_check_ins(robin, much_more_structured(5))

    html = dashboard(client)

    assert f'<th scope="row">{TITLE}</th><td>4</td><td>6.0 (5 clients)</td><td>{MORE_STRUCTURED}</td>' in html


def test_less_than_a_point_away_is_about_where_they_place_themselves(client: Browser, robin: Therapist) -> None:
    make_counted_check_ins(robin, [{"style_steps": {"structure": 1}, "wanted": {"structure": 4}}] * 2)
    make_counted_check_ins(robin, [{"style_steps": {"structure": 0}, "wanted": {"structure": 4}}] * 3)

    html = dashboard(client)

    assert "4.5 (5 clients)" in html  # 4.4 to the nearest half point
    assert ABOUT_RIGHT in html


def test_one_new_check_in_never_changes_what_the_therapist_sees(client: Browser, robin: Therapist) -> None:
    make_counted_check_ins(robin, much_more_structured(5))
    before = dashboard(client)
    owner, token = make_client(structure_point=1, structure_importance=3)
    request = make_consultation_request(robin, client=owner)
    ConsultationRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))

    Browser().post(
        reverse("questionnaire:check_in", args=[token, robin.pk]),
        {"bond": "2", "goals": "2", "tasks": "2", "again": "yes", "style_structure": "-2"},
    )

    assert ExperiencedStyle.objects.get(therapist=robin, key="structure").clients == 5
    after = dashboard(client)
    assert (
        after.split('id="experienced-heading"')[1].split("</section>")[0]
        == (before.split('id="experienced-heading"')[1].split("</section>")[0])
    )


def test_clients_read_it_on_the_profile_only_from_five_clients(client: Browser, robin: Therapist) -> None:
    _, token = make_client()
    profile = reverse("questionnaire:therapist_for_client", args=[token, robin.pk])
    make_counted_check_ins(robin, much_more_structured(4))
    assert "clients who checked in describe them as" not in client.get(profile).content.decode()

    make_counted_check_ins(robin, much_more_structured(1))

    html = client.get(profile).content.decode()
    assert (
        f"<strong>{TITLE}:</strong> clients who checked in describe them as {BY_KEY['structure'].short_high}." in html
    )
    assert "matching uses those" in html
