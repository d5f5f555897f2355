"""An export of the directory imports back unchanged, field by field and code by code."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import AbstractUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.dimensions import DIMENSIONS
from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

M2M = ["licensed_states", "languages", "insurance_plans", "concerns", "modalities"]


@pytest.fixture
def curator(client: Browser) -> AbstractUser:
    staff = factories.make_staff("curator")
    client.force_login(staff)
    return staff


@pytest.fixture
def directory(curator: AbstractUser) -> list[Therapist]:
    """Therapists that use every column, including awkward text and exact moments."""
    full = factories.make_therapist(
        name="Dr. Zoë O'Neil, PhD",
        user=factories.make_user("zoe"),
        pronouns="she/they",
        credentials="PhD; LMFT",
        license_number='PSY "12,345"',
        states=("CA", "NY", "TX"),
        languages=("en", "es", "asl"),
        insurance_plans=("aetna", "kaiser"),
        concerns=("grief", "trauma"),
        gender=Therapist.Gender.NON_BINARY,
        lgbtq_affirming=True,
        faith="jewish",
        birth_year=1975,
        bio="Line one,\nline two with “quotes” and, commas.\n\nA third paragraph.",
        office_zip="95112",
        city="San Jose",
        offers_online=False,
        offers_in_person=True,
        fee=0,
        sliding_scale=True,
        accepting_new_clients=False,
        availability_confirmed_at=timezone.now() - datetime.timedelta(days=50, microseconds=123457),
        verified_by=curator,
        **{d.key: (index % 7) + 1 for index, d in enumerate(DIMENSIONS)},
        **{d.note_field: f"My own words; on {d.title}, with a comma." for d in DIMENSIONS},
    )
    full.modalities.set(["cbt", "emdr"])
    rejected = factories.make_therapist(
        name="Rae Rejected",
        status=Therapist.Status.REJECTED,
        status_reason="License not found, please check.",
        states=(),
        languages=(),
        concerns=(),
    )
    return [full, rejected, factories.make_therapist(name="Plain Pat")]


def snapshot() -> dict[int, dict[str, Any]]:
    """Every stored field (but the automatic updated_at) and every code list, per therapist."""
    rows = {}
    for therapist in Therapist.objects.order_by("pk"):
        row = {f.attname: getattr(therapist, f.attname) for f in Therapist._meta.concrete_fields}
        del row["updated_at"]
        row["photo"] = str(row["photo"])
        for name in M2M:
            row[name] = sorted(getattr(therapist, name).values_list("pk", flat=True))
        rows[therapist.pk] = row
    return rows


def export_csv(browser: Browser) -> bytes:
    response = browser.post(reverse("admin:profiles_therapist_export"), {"format": "0"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return response.content


def import_csv(browser: Browser, content: bytes) -> str:
    upload = SimpleUploadedFile("directory.csv", content, content_type="text/csv")
    html = browser.post(reverse("admin:profiles_therapist_import"), {"format": "0", "import_file": upload})
    html = html.content.decode()
    assert "Confirm import" in html, html
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    return browser.post(reverse("admin:profiles_therapist_process_import"), fields, follow=True).content.decode()


def test_an_export_imports_back_as_all_unchanged(client: Browser, directory: list[Therapist]) -> None:
    before = snapshot()

    message = import_csv(client, export_csv(client))

    assert "Import finished: 0 new, 0 updated, 0 deleted and 3 skipped" in message
    assert snapshot() == before
    assert not LogEntry.objects.exists()


def test_an_export_restores_every_field_and_code_after_they_were_changed(
    client: Browser, directory: list[Therapist]
) -> None:
    before = snapshot()
    exported = export_csv(client)
    # Change every exported column of every row, then bring the export back.
    Therapist.objects.update(
        status=Therapist.Status.DRAFT,
        status_reason="changed",
        name="Changed",
        pronouns="x",
        credentials="x",
        license_number="x",
        gender="",
        lgbtq_affirming=False,
        faith="",
        birth_year=None,
        bio="x",
        city="x",
        offers_online=True,
        offers_in_person=False,
        fee=999,
        sliding_scale=False,
        accepting_new_clients=True,
        availability_confirmed_at=timezone.now(),
        **{field: 4 for d in DIMENSIONS for field in (d.key, d.high_field)},
        **{d.note_field: "x" for d in DIMENSIONS},
    )
    for therapist in Therapist.objects.all():
        for name in M2M:
            getattr(therapist, name).set(["CA"] if name == "licensed_states" else [])

    message = import_csv(client, exported)

    assert "Import finished: 0 new, 3 updated" in message
    assert snapshot() == before
    assert LogEntry.objects.filter(change_message="Changed by CSV import.").count() == 3


def test_the_export_uses_codes_and_plain_values(client: Browser, directory: list[Therapist]) -> None:
    text = export_csv(client).decode()

    assert text.splitlines()[0].split(",")[:4] == ["id", "status", "status_reason", "name"]
    assert "asl;en;es" in text
    assert "CA;NY;TX" in text
    assert f'{directory[1].pk},rejected,"License not found, please check.",Rae Rejected' in text
