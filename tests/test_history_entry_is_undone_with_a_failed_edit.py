"""The history entry of a send-back is written in the same transaction as the edit: an edit that fails
after it leaves neither the change nor the entry behind."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client as Browser
from django.urls import reverse

from profiles.forms import AboutForm
from profiles.models import Therapist
from tests.factories import about_step_post, make_therapist_user

pytestmark = pytest.mark.django_db


class SaveFailed(Exception):
    pass


def test_a_failed_save_leaves_the_profile_published_and_no_entry(
    client: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    robin = make_therapist_user("robin", license_number="LIC-1")
    client.force_login(robin.user)

    def fail(*args: object, **kwargs: object) -> None:
        raise SaveFailed

    # The form saves after the license is recorded and the history written, in the same transaction.
    monkeypatch.setattr(AboutForm, "save", fail)
    with pytest.raises(SaveFailed):
        client.post(
            reverse("profiles:edit_step", args=[robin.pk, "about"]), about_step_post(robin, license_number="LIC-2")
        )

    robin.refresh_from_db()
    assert (robin.status, robin.license_number) == (Therapist.Status.PUBLISHED, "LIC-1")
    assert not LogEntry.objects.exists()
