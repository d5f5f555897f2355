"""A therapist's name is their own text: markup in it is shown as text in the queue, the admin history
and the staff preview, never run."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

NAME = 'Robin <script>alert("x")</script><img src=x>'
ESCAPED = "Robin &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x&gt;"


@pytest.fixture
def robin(client: Browser) -> Therapist:
    """Submitted through the editor, so the history has the therapist's own entry."""
    therapist = factories.make_therapist_user("robin", name=NAME, status=Therapist.Status.DRAFT, bio="Hello.")
    client.force_login(therapist.user)
    assert client.post(reverse("profiles:submit", args=[therapist.pk])).status_code == 302
    client.force_login(factories.make_staff("curator"))
    return therapist


def assert_escaped(html: str) -> None:
    assert ESCAPED in html
    assert "<script>alert" not in html
    assert "<img src=x>" not in html


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(lambda pk: reverse("admin:profiles_therapist_changelist") + "?status__exact=pending", id="queue"),
        pytest.param(lambda pk: reverse("admin:profiles_therapist_history", args=[pk]), id="history"),
        pytest.param(lambda pk: reverse("admin:profiles_therapist_change", args=[pk]), id="change form"),
        pytest.param(lambda pk: reverse("questionnaire:therapist", args=[pk]), id="staff preview"),
    ],
)
def test_the_name_is_shown_as_text(client: Browser, robin: Therapist, url: object) -> None:
    response = client.get(url(robin.pk))  # type: ignore[operator]

    assert response.status_code == 200
    assert_escaped(response.content.decode())
