"""Whichever way the directory is written to, the search table agrees with it once the write has committed.

Each case changes something a listing copies through one real write path (the editor, the dashboard,
the admin's change form, delete and actions, CSV import, seeding), then compares every Listing row with
rows built here, independently, from the therapists' own data.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker import vocabulary
from matchmaker.dimensions import DIMENSIONS
from profiles import seeding
from profiles.models import Listing, Therapist
from tests.csv_helpers import good_row, upload
from tests.factories import (
    PASSWORD,
    about_step_post,
    make_staff,
    make_therapist,
    make_user,
    practice_step_post,
    style_step_post,
)

pytestmark = pytest.mark.django_db

FACTS = ("accepting_new_clients", "availability_confirmed_at", "offers_online", "offers_in_person", "fee",
         "sliding_scale", "gender", "lgbtq_affirming", "faith", "birth_year")  # fmt: skip
COPIED = (*FACTS, *(d.key for d in DIMENSIONS))


def bits(choices: tuple[tuple[str, str], ...], codes: set[str]) -> int:
    return sum(2**index for index, (code, _) in enumerate(choices) if code in codes)


def expected_rows() -> set[tuple[Any, ...]]:
    """One row per published therapist per licensed state; the alphabetically first state is primary."""
    rows = set()
    for therapist in Therapist.objects.filter(status="published"):
        if len(therapist.style()) < len(DIMENSIONS):
            continue  # ranked on their style, they are listed once every scale is answered
        states = sorted(therapist.licensed_states.values_list("code", flat=True))
        masks = (
            bits(vocabulary.LANGUAGES, set(therapist.languages.values_list("code", flat=True))),
            bits(vocabulary.INSURANCE_PLANS, set(therapist.insurance_plans.values_list("code", flat=True))),
            bits(vocabulary.CONCERNS, set(therapist.concerns.values_list("code", flat=True))),
        )
        for state in states:
            copied = tuple(getattr(therapist, name) for name in COPIED)
            rows.add((therapist.pk, state, state == states[0], *copied, *masks))
    return rows


def listed_rows() -> set[tuple[Any, ...]]:
    columns = ("therapist_id", "state", "primary", *COPIED, "languages_mask", "insurance_mask", "concerns_mask")
    return set(Listing.objects.values_list(*columns))


@pytest.fixture
def directory() -> dict[str, Therapist]:
    owner = make_therapist(name="Robin Owner", states=("CA", "NY"), fee=120, user=make_staff("robin-owner"))
    return {
        "owner": owner,
        "other": make_therapist(name="Sam Other", states=("CA",), fee=90),
        "pending": make_therapist(name="Pat Pending", status=Therapist.Status.PENDING, states=("OR",)),
    }


def as_owner(browser: Browser, directory: dict[str, Therapist]) -> Therapist:
    owner = directory["owner"]
    browser.force_login(owner.user)
    return owner


def editor_about(browser: Browser, directory: dict[str, Therapist]) -> None:
    owner = as_owner(browser, directory)
    data = about_step_post(owner, gender="woman", licensed_states=["CA", "NY", "WA"], license_number="NEW-9")
    assert browser.post(reverse("profiles:edit_step", args=[owner.pk, "about"]), data).status_code == 302


def editor_about_without_license_change(browser: Browser, directory: dict[str, Therapist]) -> None:
    owner = as_owner(browser, directory)
    data = about_step_post(owner, gender="man", faith="buddhist", birth_year="1975")
    assert browser.post(reverse("profiles:edit_step", args=[owner.pk, "about"]), data).status_code == 302


def editor_practice(browser: Browser, directory: dict[str, Therapist]) -> None:
    owner = as_owner(browser, directory)
    data = practice_step_post(owner, fee="85", languages=["en", "es"], insurance_plans=["aetna"], concerns=["grief"])
    assert browser.post(reverse("profiles:edit_step", args=[owner.pk, "practice"]), data).status_code == 302


def editor_style(browser: Browser, directory: dict[str, Therapist]) -> None:
    owner = as_owner(browser, directory)
    data = style_step_post(owner, directness="7", intensity="1")
    assert browser.post(reverse("profiles:edit_step", args=[owner.pk, "style"]), data).status_code == 302


def confirm_availability(browser: Browser, directory: dict[str, Therapist]) -> None:
    owner = directory["owner"]
    Therapist.objects.filter(pk=owner.pk).update(availability_confirmed_at=timezone.now() - datetime.timedelta(days=60))
    owner = as_owner(browser, directory)
    assert browser.post(reverse("profiles:confirm_availability", args=[owner.pk])).status_code == 302


def stop_accepting(browser: Browser, directory: dict[str, Therapist]) -> None:
    owner = as_owner(browser, directory)
    response = browser.post(reverse("profiles:set_accepting", args=[owner.pk]), {"accepting_new_clients": ""})
    assert response.status_code == 302


def as_curator(browser: Browser) -> None:
    browser.force_login(make_staff("curator", is_superuser=True))


def admin_change_form(browser: Browser, directory: dict[str, Therapist]) -> None:
    as_curator(browser)
    owner = directory["owner"]
    confirmed = timezone.localtime(owner.availability_confirmed_at)
    data: dict[str, Any] = {
        **about_step_post(owner, licensed_states=["NY", "TX"]),
        **practice_step_post(owner, fee="200", concerns=["grief", "anxiety"]),
        **style_step_post(owner, challenge="2"),
        "accepting_new_clients": "on",
        "availability_confirmed_at_0": confirmed.strftime("%Y-%m-%d"),
        "availability_confirmed_at_1": confirmed.strftime("%H:%M:%S"),
        "user": owner.user_id,
    }
    response = browser.post(reverse("admin:profiles_therapist_change", args=[owner.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def admin_delete(browser: Browser, directory: dict[str, Therapist]) -> None:
    as_curator(browser)
    url = reverse("admin:profiles_therapist_delete", args=[directory["other"].pk])
    assert browser.post(url, {"post": "yes"}).status_code == 302


def therapist_leaves(browser: Browser, directory: dict[str, Therapist]) -> None:
    leaving = directory["other"]
    leaving.user = make_user("sam-other")
    leaving.save(update_fields=["user"])
    browser.force_login(leaving.user)
    response = browser.post(reverse("profiles:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302


def admin_action(action: str, *names: str, **extra: str) -> Callable[[Browser, dict[str, Therapist]], None]:
    def run(browser: Browser, directory: dict[str, Therapist]) -> None:
        as_curator(browser)
        chosen = [directory[name].pk for name in names]
        data = {"action": action, "_selected_action": chosen, **extra}
        assert browser.post(reverse("admin:profiles_therapist_changelist"), data).status_code == 302

    return run


def csv_import(browser: Browser, directory: dict[str, Therapist]) -> None:
    as_curator(browser)
    rows = [good_row(name="Nina New", status="published", licensed_states="CA;OR"), good_row(name="Ola Draft")]
    response = browser.post(reverse("admin:profiles_therapist_import"), {"format": "0", "import_file": upload(rows)})
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', response.content.decode()))
    fields.pop("csrfmiddlewaretoken", None)
    assert browser.post(reverse("admin:profiles_therapist_process_import"), fields).status_code == 302


def seed_directory(browser: Browser, directory: dict[str, Therapist]) -> None:
    # The command around it also vacuums on PostgreSQL, which cannot run inside a test's transaction.
    seeding.seed_directory(6, 5)


def seed_demo(browser: Browser, directory: dict[str, Therapist]) -> None:
    call_command("seed_demo", therapists=4, stdout=StringIO())


WRITES = {
    "the editor's about step with a new license": editor_about,
    "the editor's about step with the same license": editor_about_without_license_change,
    "the editor's practice step": editor_practice,
    "the editor's style step": editor_style,
    "the dashboard's availability confirmation": confirm_availability,
    "the dashboard's accepting toggle": stop_accepting,
    "the admin's change form": admin_change_form,
    "the admin's delete": admin_delete,
    "the therapist deleting their account": therapist_leaves,
    "the admin's approve action": admin_action("approve", "pending"),
    "the admin's unpublish action": admin_action("unpublish", "owner", "other"),
    "the admin's reject action": admin_action("reject", "owner", confirm="yes", reason="License not found."),
    "CSV import": csv_import,
    "seeding a large directory": seed_directory,
    "seeding the demo": seed_demo,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_the_search_table_agrees_with_the_directory_after(
    write: Callable[[Browser, dict[str, Therapist]], None],
    client: Browser,
    directory: dict[str, Therapist],
    django_capture_on_commit_callbacks: Any,
) -> None:
    before = listed_rows()

    with django_capture_on_commit_callbacks(execute=True):
        write(client, directory)

    assert listed_rows() != before, "the write should change what the search table holds"
    assert listed_rows() == expected_rows()
