"""A therapist who checks in from links of their own cannot read one real client's answers off the averages."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest
from profiles.models import Therapist
from tests.factories import make_consultation_request, make_counted_check_ins, make_staff, make_therapist_user

pytestmark = pytest.mark.django_db

REAL = {"bond": 3, "goals": 4, "tasks": 2, "again": "yes"}
FAKE = {"bond": 0, "goals": 0, "tasks": 0, "again": "no"}
EARLIER = [{"bond": 3, "goals": 3, "tasks": 3}] * 5


def request_from_a_new_link(therapist: Therapist, *, days_ago: float) -> str:
    """A consultation request from a private link of its own, made days_ago; the link's token."""
    from tests.factories import make_client

    owner, token = make_client()
    request = make_consultation_request(therapist, client=owner)
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    ConsultationRequest.objects.filter(pk=request.pk).update(created_at=moment)
    return token


def check_in(browser: Browser, token: str, therapist: Therapist, answers: dict[str, object]) -> None:
    response = browser.post(reverse("questionnaire:check_in", args=[token, therapist.pk]), answers)
    assert response.status_code == 302


def what_is_shown(robin: Therapist) -> tuple[object, str]:
    """The dashboard's averages and the admin's averages, as the therapist and our team see them."""
    therapist_view, staff_view = Browser(), Browser()
    therapist_view.force_login(robin.user)
    staff_view.force_login(make_staff(f"curator{timezone.now().timestamp()}"))
    averages = therapist_view.get(reverse("profiles:dashboard")).context["check_in_averages"]
    change_page = staff_view.get(reverse("admin:profiles_therapist_change", args=[robin.pk])).content.decode()
    start = change_page.index("Check-ins after a first session")
    section = change_page[start : change_page.index("</fieldset>", start)]
    # The figures only: how many check-ins there are is no one's answer.
    return averages, section[section.index("<tbody>") :] if "<tbody>" in section else ""


def attack(browser: Browser, robin: Therapist) -> None:
    """One real client, who asked three days ago, checks in; then four links of the therapist's own do, quickly."""
    check_in(browser, request_from_a_new_link(robin, days_ago=3), robin, REAL)
    for _ in range(4):
        check_in(browser, request_from_a_new_link(robin, days_ago=0.01), robin, FAKE)


def test_four_quick_fake_check_ins_publish_nothing(client: Browser) -> None:
    robin = make_therapist_user("robin")

    attack(client, robin)

    assert what_is_shown(robin) == (None, "")


def test_four_quick_fake_check_ins_leave_an_earlier_figure_unchanged(client: Browser) -> None:
    robin = make_therapist_user("robin")
    make_counted_check_ins(robin, EARLIER)
    before = what_is_shown(robin)
    assert before[0] is not None
    assert [mean for _question, mean in before[0]] == [3.0, 3.0, 3.0]

    attack(client, robin)

    assert what_is_shown(robin) == before
