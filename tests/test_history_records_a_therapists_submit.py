"""A therapist's own submit for verification is in the admin history, as a change by their own account."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

MESSAGE = "Submitted for verification by the therapist."


def complete_draft(**kwargs: object) -> Therapist:
    kwargs.setdefault("status", Therapist.Status.DRAFT)
    kwargs.setdefault("bio", "I work with grief.")
    return factories.make_therapist_user("robin", name="Robin Demo", **kwargs)


@pytest.mark.parametrize("status", [Therapist.Status.DRAFT, Therapist.Status.REJECTED])
def test_it_records_the_submit_by_the_therapists_own_account(client: Browser, status: str) -> None:
    robin = complete_draft(status=status)
    client.force_login(robin.user)
    before = timezone.now()

    response = client.post(reverse("profiles:submit", args=[robin.pk]))

    assert response.status_code == 302
    entry = LogEntry.objects.get()
    assert (entry.object_id, entry.content_type.model_class()) == (str(robin.pk), Therapist)
    assert (entry.user, entry.action_flag, entry.object_repr) == (robin.user, CHANGE, "Robin Demo")
    assert entry.get_change_message() == MESSAGE
    assert before <= entry.action_time <= timezone.now()


def test_the_admin_history_page_shows_it(client: Browser) -> None:
    robin = complete_draft()
    client.force_login(robin.user)
    client.post(reverse("profiles:submit", args=[robin.pk]))
    client.force_login(factories.make_staff("curator"))

    html = client.get(reverse("admin:profiles_therapist_history", args=[robin.pk])).content.decode()

    assert MESSAGE in html
    assert "robin" in html  # the account that made the change


def test_a_submit_refused_writes_nothing(client: Browser) -> None:
    robin = complete_draft(bio="")  # the bio is still missing
    already = factories.make_therapist_user("sam", status=Therapist.Status.PENDING, bio="Ready.")

    for therapist in (robin, already):
        client.force_login(therapist.user)
        assert client.post(reverse("profiles:submit", args=[therapist.pk])).status_code == 302

    assert not LogEntry.objects.exists()
    assert Therapist.objects.get(pk=robin.pk).status == Therapist.Status.DRAFT
