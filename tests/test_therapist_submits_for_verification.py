"""The preview shows the profile as clients see it, what is missing, and submits it for verification."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import Therapist
from tests.factories import UNANSWERED_STYLE, make_therapist_user, style_step_post

pytestmark = pytest.mark.django_db


def complete_draft(**kwargs: object) -> Therapist:
    for name, value in {
        "status": Therapist.Status.DRAFT,
        "name": "Robin Demo",
        "bio": "I work with grief.",
        "license_number": "LIC-7",
        "style_saved_at": timezone.now(),
    }.items():
        kwargs.setdefault(name, value)
    return make_therapist_user("robin", **kwargs)


def test_the_preview_renders_the_profile_as_a_client_sees_it(client: Browser) -> None:
    therapist = complete_draft(credentials="LMFT", fee=135)
    client.force_login(therapist.user)

    response = client.get(reverse("profiles:preview", args=[therapist.pk]))

    assert response.status_code == 200
    assert "questionnaire/therapist.html" in [template.name for template in response.templates]
    content = response.content.decode()
    for shown in ("Robin Demo", "LMFT", "I work with grief.", "$135", "California"):
        assert shown in content
    assert "Submit for verification" in content


def test_a_profile_with_something_missing_lists_it_and_cannot_be_submitted(client: Browser) -> None:
    therapist = make_therapist_user(
        "robin", status=Therapist.Status.DRAFT, license_number="", bio="", states=(), **UNANSWERED_STYLE
    )
    client.force_login(therapist.user)

    preview = client.get(reverse("profiles:preview", args=[therapist.pk])).content.decode()
    dashboard = client.get(reverse("profiles:dashboard")).content.decode()
    response = client.post(reverse("profiles:submit", args=[therapist.pk]))

    expected = ["Your license number", "At least one state where you are licensed", "A short bio"]
    expected.append("Your answers to the six questions about how you work")  # the style step never saved
    for item in expected:
        assert item in preview
        assert item in dashboard
    assert '<button type="submit" class="btn btn-primary btn-lg">Submit for verification' not in preview
    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:preview", args=[therapist.pk])
    assert any("Before you can submit" in str(m) for m in get_messages(response.wsgi_request))
    therapist.refresh_from_db()
    assert (therapist.status, therapist.submitted_at) == (Therapist.Status.DRAFT, None)


def test_saving_the_style_step_counts_as_an_answer_even_with_every_point_in_the_middle(client: Browser) -> None:
    therapist = complete_draft(style_saved_at=None)
    assert therapist.style() == dict.fromkeys(therapist.style(), 4)
    assert therapist.missing_for_submission() == ["your answers to the six questions about how you work"]
    client.force_login(therapist.user)

    response = client.post(reverse("profiles:edit_step", args=[therapist.pk, "style"]), style_step_post(therapist))

    assert response.status_code == 302
    therapist.refresh_from_db()
    assert therapist.style() == dict.fromkeys(therapist.style(), 4)
    assert therapist.missing_for_submission() == []


@pytest.mark.parametrize("status", [Therapist.Status.DRAFT, Therapist.Status.REJECTED])
def test_a_complete_profile_is_submitted_and_becomes_pending(client: Browser, status: str) -> None:
    therapist = complete_draft(status=status)
    client.force_login(therapist.user)

    response = client.post(reverse("profiles:submit", args=[therapist.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:dashboard")
    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PENDING
    assert therapist.submitted_at is not None
    dashboard = client.get(reverse("profiles:dashboard")).content.decode()
    assert "waiting for verification" in dashboard


@pytest.mark.parametrize("status", [Therapist.Status.PENDING, Therapist.Status.PUBLISHED])
def test_a_profile_already_submitted_or_published_is_left_as_it_is(client: Browser, status: str) -> None:
    therapist = complete_draft(status=status)
    client.force_login(therapist.user)
    before = Therapist.objects.values().get(pk=therapist.pk)

    response = client.post(reverse("profiles:submit", args=[therapist.pk]))

    assert response.status_code == 302
    assert Therapist.objects.values().get(pk=therapist.pk) == before


def test_submitting_needs_a_post(client: Browser) -> None:
    therapist = complete_draft()
    client.force_login(therapist.user)

    assert client.get(reverse("profiles:submit", args=[therapist.pk])).status_code == 405
    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.DRAFT
