"""Every therapist page, climbed as a ladder: anonymous, then another therapist, then the owner.

Nobody but the owner can read or change a profile, its drafts or its consultation requests;
a tampered id is a 404 and changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import ConsultationRequest, Message
from profiles.models import Therapist
from tests.factories import (
    about_step_post,
    make_consultation_request,
    make_therapist_user,
    practice_step_post,
    style_step_post,
)

pytestmark = pytest.mark.django_db

SECRET_MESSAGE = "Only Robin should ever read this message."


@dataclass(frozen=True)
class Page:
    label: str
    name: str
    method: str = "get"
    step: str | None = None
    data: Callable[[Therapist], dict[str, Any]] = field(default=lambda therapist: {})
    owner_status: int = 200
    on_request: bool = False  # the URL names a consultation request rather than a profile

    def url(self, therapist: Therapist) -> str:
        if self.on_request:
            return reverse(self.name, args=[therapist.requests.get().pk])
        args: list[Any] = [therapist.pk] + ([self.step] if self.step else [])
        return reverse(self.name, args=args)

    def send(self, client: Browser, therapist: Therapist) -> Any:
        if self.method == "post":
            return client.post(self.url(therapist), self.data(therapist))
        return client.get(self.url(therapist))


def a_reply(therapist: Therapist) -> dict[str, str]:
    return {"body": "Someone else's words."}


PAGES = [
    Page("editor start", "profiles:edit", owner_status=302),
    Page("about step", "profiles:edit_step", step="about"),
    Page("practice step", "profiles:edit_step", step="practice"),
    Page("style step", "profiles:edit_step", step="style"),
    Page("preview", "profiles:preview"),
    Page(
        "save about",
        "profiles:edit_step",
        "post",
        "about",
        lambda t: about_step_post(t, bio="Changed by someone."),
        302,
    ),
    Page("save practice", "profiles:edit_step", "post", "practice", lambda t: practice_step_post(t, fee="1"), 302),
    Page("save style", "profiles:edit_step", "post", "style", lambda t: style_step_post(t, directness="7"), 302),
    Page("submit", "profiles:submit", "post", owner_status=302),
    Page("confirm availability", "profiles:confirm_availability", "post", owner_status=302),
    Page("accepting switch", "profiles:set_accepting", "post", owner_status=302),
    Page("conversation", "profiles:conversation", on_request=True),
    Page("reply", "profiles:reply", "post", data=a_reply, owner_status=302, on_request=True),
    Page("mark answered", "profiles:mark_answered", "post", owner_status=302, on_request=True),
    Page("close conversation", "profiles:close_request", "post", owner_status=302, on_request=True),
]
IDS = [page.label for page in PAGES]


@pytest.fixture
def owner() -> Therapist:
    therapist = make_therapist_user(
        "robin",
        name="Robin Demo",
        status=Therapist.Status.DRAFT,
        bio="I listen first.",
        directness=2,
        style_saved_at=timezone.now(),
        fee=140,
        availability_confirmed_at=timezone.now() - datetime.timedelta(days=10),
    )
    make_consultation_request(therapist, message=SECRET_MESSAGE)
    return therapist


@pytest.fixture
def other() -> Therapist:
    return make_therapist_user("sam", name="Sam Okafor")


def snapshot(therapist: Therapist) -> dict[str, Any]:
    return {
        "row": Therapist.objects.values().get(pk=therapist.pk),
        "states": sorted(therapist.licensed_states.values_list("pk", flat=True)),
        "requests": list(ConsultationRequest.objects.values_list("pk", "status", "first_reply_at", "closed_at")),
        "messages": list(Message.objects.values_list("pk", "body")),
    }


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_an_anonymous_visitor_is_sent_to_log_in_and_changes_nothing(
    client: Browser, owner: Therapist, page: Page
) -> None:
    before = snapshot(owner)

    response = page.send(client, owner)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={page.url(owner)}"
    assert snapshot(owner) == before


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_another_therapist_gets_not_found_and_changes_nothing(
    client: Browser, owner: Therapist, other: Therapist, page: Page
) -> None:
    client.force_login(other.user)
    before = snapshot(owner)

    response = page.send(client, owner)

    assert response.status_code == 404
    assert snapshot(owner) == before
    assert SECRET_MESSAGE.encode() not in response.content


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_the_owner_gets_in(client: Browser, owner: Therapist, page: Page) -> None:
    client.force_login(owner.user)
    before = snapshot(owner)

    response = page.send(client, owner)

    assert response.status_code == page.owner_status
    if page.method == "post":
        assert snapshot(owner) != before


def test_the_dashboard_shows_each_therapist_only_their_own_profile_and_requests(
    client: Browser, owner: Therapist, other: Therapist
) -> None:
    dashboard = reverse("profiles:dashboard")
    response = client.get(dashboard)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={dashboard}"

    client.force_login(other.user)
    response = client.get(dashboard)
    assert response.status_code == 200
    assert response.context["therapist"] == other
    assert SECRET_MESSAGE.encode() not in response.content
    assert reverse("profiles:edit", args=[owner.pk]).encode() not in response.content

    client.force_login(owner.user)
    response = client.get(dashboard)
    assert response.status_code == 200
    assert response.context["therapist"] == owner
    assert SECRET_MESSAGE.encode() in response.content


def test_an_account_without_a_profile_gets_not_found_on_an_unowned_profile(client: Browser) -> None:
    from tests.factories import make_therapist, make_user

    unowned = make_therapist(name="Nobody's Profile", status=Therapist.Status.DRAFT)
    client.force_login(make_user("stranger"))

    assert client.get(reverse("profiles:edit_step", args=[unowned.pk, "about"])).status_code == 404
    assert client.get(reverse("profiles:preview", args=[unowned.pk])).status_code == 404
    assert client.post(reverse("profiles:submit", args=[unowned.pk])).status_code == 404
    assert Therapist.objects.get(pk=unowned.pk).status == Therapist.Status.DRAFT


def test_an_unknown_step_is_not_found(client: Browser, owner: Therapist) -> None:
    client.force_login(owner.user)
    assert client.get(reverse("profiles:edit_step", args=[owner.pk, "secrets"])).status_code == 404
