"""Curators import the directory from CSV: a preview first, every bad row explained, all or nothing."""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import AbstractUser
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests import factories
from tests.csv_helpers import good_row, upload

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:profiles_therapist_import")
PROCESS = reverse("admin:profiles_therapist_process_import")


@pytest.fixture
def curator(client: Browser) -> AbstractUser:
    staff = factories.make_staff("curator")
    client.force_login(staff)
    return staff


def preview(browser: Browser, rows: list[dict[str, str]]) -> str:
    response = browser.post(IMPORT, {"format": "0", "import_file": upload(rows)})
    assert response.status_code == 200
    return response.content.decode()


def confirm_fields(html: str) -> dict[str, str]:
    """The hidden fields of the preview's confirm form, as a browser would send them back."""
    return {
        name: value
        for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html)
        if name != "csrfmiddlewaretoken"
    }


BAD_VALUES = [
    ({"licensed_states": "CA;ZZ"}, "licensed_states", "Unknown state code “ZZ”"),
    ({"languages": "en;klingon"}, "languages", "Unknown language code “klingon”"),
    ({"concerns": "anxiety;boredom"}, "concerns", "Unknown concern code “boredom”"),
    ({"insurance_plans": "acme"}, "insurance_plans", "Unknown insurance code “acme”"),
    ({"modalities": "magic"}, "modalities", "Unknown modality code “magic”"),
    ({"directness": "9"}, "directness", "9 is out of range. Use a whole number from 1 to 7."),
    ({"approach": "0"}, "approach", "0 is out of range. Use a whole number from 1 to 7."),
    ({"structure": "high"}, "structure", "“high” is not a whole number"),
    ({"status": "live"}, "status", "“live” is not a known status"),
    ({"fee": "cheap"}, "fee", "“cheap” is not a whole number"),
    ({"fee": "-5"}, "fee", "-5 is out of range. Use a whole number of at least 0."),
    ({"offers_online": "maybe"}, "offers_online", "“maybe” is not yes or no"),
    ({"name": ""}, "name", "This field cannot be blank"),
    ({"id": "999999"}, "id", "There is no therapist with id 999999"),
    ({"availability_confirmed_at": "last week"}, "availability_confirmed_at", "“last week” is not a date"),
]


@pytest.mark.parametrize(("overrides", "column", "message"), BAD_VALUES)
def test_each_kind_of_bad_value_is_a_row_error_with_a_clear_message(
    client: Browser, curator: AbstractUser, overrides: dict[str, str], column: str, message: str
) -> None:
    html = preview(client, [good_row(name="Good One", license_number="G-1"), good_row(**overrides)])

    assert "Nothing was imported: 1 row needs fixing" in html
    problems = html[html.index('class="import-problems"') :]
    assert "Row 2 (spreadsheet line 3)" in problems
    assert "Row 1 " not in problems
    assert f"<code>{column}</code>" in problems
    assert message in problems.replace("&quot;", '"')
    assert "Confirm import" not in html
    assert not Therapist.objects.exists()


def test_one_bad_row_among_good_rows_is_listed_and_nothing_is_imported(client: Browser, curator: AbstractUser) -> None:
    existing = factories.make_therapist(name="Kept As Is", license_number="K-1", fee=100)
    rows = [
        good_row(name="Ada Good"),
        good_row(id=existing.pk, name="Renamed By Import", status="published", license_number="K-1"),
        good_row(name="Bad Bea", licensed_states="CA;XX", directness="8"),
        good_row(name="Cy Good"),
    ]

    html = preview(client, rows)

    assert "Nothing was imported: 1 row needs fixing" in html
    assert "Row 3 (spreadsheet line 4)" in html
    assert "Unknown state code “XX”" in html
    assert "8 is out of range. Use a whole number from 1 to 7." in html
    assert "Confirm import" not in html
    assert list(Therapist.objects.values_list("name", flat=True)) == ["Kept As Is"]
    existing.refresh_from_db()
    assert existing.status == Therapist.Status.PUBLISHED
    assert not LogEntry.objects.exists()


def test_a_good_file_is_previewed_then_imported_on_confirm_and_logged(client: Browser, curator: AbstractUser) -> None:
    html = preview(client, [good_row(name="Ada Good"), good_row(name="Cy Good", status="published")])

    assert "Confirm import" in html
    assert not Therapist.objects.exists()

    response = client.post(PROCESS, confirm_fields(html), follow=True)

    assert "Import finished: 2 new" in response.content.decode()
    ada = Therapist.objects.get(name="Ada Good")
    assert sorted(ada.licensed_states.values_list("code", flat=True)) == ["CA", "NY"]
    assert sorted(ada.languages.values_list("code", flat=True)) == ["en", "es"]
    assert (ada.fee, ada.sliding_scale, ada.directness, ada.intensity) == (140, True, 1, 6)
    cy = Therapist.objects.get(name="Cy Good")
    assert (cy.status, cy.verified_by) == (Therapist.Status.PUBLISHED, curator)
    added = LogEntry.objects.filter(action_flag=ADDITION, user=curator)
    assert sorted(added.values_list("object_repr", flat=True)) == ["Ada Good", "Cy Good"]


@pytest.mark.parametrize(
    "tamper",
    [
        {"import_file_name": "tmpforged"},
        {"import_file_name": "../../etc/passwd"},
        {"format": "7"},
        {"format": "x"},
        {"resource": "3"},
        {"import_file_name": ""},
    ],
)
def test_a_tampered_confirmation_imports_nothing_and_never_fails(
    client: Browser, curator: AbstractUser, tamper: dict[str, str]
) -> None:
    html = preview(client, [good_row(name="Ada Good")])
    fields = {**confirm_fields(html), **tamper}

    response = client.post(PROCESS, fields, follow=True)

    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()
    assert not Therapist.objects.exists()
    assert not LogEntry.objects.exists()


def test_confirming_the_same_preview_twice_imports_once(client: Browser, curator: AbstractUser) -> None:
    fields = confirm_fields(preview(client, [good_row(name="Ada Good")]))

    client.post(PROCESS, fields)
    response = client.post(PROCESS, fields, follow=True)

    assert "Nothing was imported" in response.content.decode()
    assert Therapist.objects.filter(name="Ada Good").count() == 1


def test_a_file_that_is_not_csv_is_refused_with_a_message(client: Browser, curator: AbstractUser) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    garbage = SimpleUploadedFile("photo.csv", b"\xff\xd8\xff\xe0 not text", content_type="text/csv")

    response = client.post(IMPORT, {"format": "0", "import_file": garbage})

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Therapist.objects.exists()
