"""Curators see each therapist's check-in averages and how many there are, never one client's answers."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import CheckIn
from profiles.models import CHECK_IN_MIN_CLIENTS, Therapist
from tests import factories

pytestmark = pytest.mark.django_db

NAMES = [name for name, _question in CheckIn.QUESTIONS]


def check_in(therapist: Therapist, bond: int, goals: int, tasks: int) -> CheckIn:
    return factories.make_check_in(therapist, bond=bond, goals=goals, tasks=tasks)


@pytest.fixture
def curator(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))


def test_the_change_page_shows_the_average_per_question_and_the_count(client: Browser, curator: None) -> None:
    therapist = factories.make_therapist(name="Priya Shah")
    answers = [(4, 3, 2), (2, 3, 1), (4, 4, 3), (3, 1, 2), (1, 4, 3)]
    assert len(answers) >= CHECK_IN_MIN_CLIENTS
    factories.make_counted_check_ins(therapist, [dict(zip(NAMES, row, strict=True)) for row in answers])

    html = client.get(reverse("admin:profiles_therapist_change", args=[therapist.pk])).content.decode()

    assert f"{len(answers)} check-ins; published averages from {len(answers)} clients" in html
    for index, (_name, question) in enumerate(CheckIn.QUESTIONS):
        average = sum(row[index] for row in answers) / len(answers)
        assert f"<th scope='row'>{question}</th><td>{average:.1f} / 4</td>" in html.replace("&#x27;", "'")


def test_with_too_few_clients_only_the_count_is_shown(client: Browser, curator: None) -> None:
    therapist = factories.make_therapist(name="Priya Shah")
    check_in(therapist, 3, 2, 1)

    html = client.get(reverse("admin:profiles_therapist_change", args=[therapist.pk])).content.decode()

    assert "1 check-in. Averages are shown from 5 different clients on" in html
    assert "/ 4" not in html
    assert "3.0" not in html


def test_the_changelist_shows_the_count_and_the_mean_alliance_total(client: Browser, curator: None) -> None:
    therapist = factories.make_therapist(name="Priya Shah")
    tasks = [4, 0, 3, 2, 1]  # with 3 and 3 for the bond and the goals: totals 10, 6, 9, 8, 7
    factories.make_counted_check_ins(therapist, [dict(zip(NAMES, (3, 3, value), strict=True)) for value in tasks])

    html = client.get(reverse("admin:profiles_therapist_changelist")).content.decode()

    assert f"{len(tasks)} · 8.0/12" in html


def test_check_ins_have_no_admin_page_of_their_own() -> None:
    from django.contrib import admin

    assert CheckIn not in admin.site._registry
