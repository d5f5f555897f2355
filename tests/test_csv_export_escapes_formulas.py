"""A spreadsheet never runs an exported cell as a formula, and the escape comes off again on import."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x","y")'


def exported_rows(browser: Browser) -> list[dict[str, str]]:
    response = browser.post(reverse("admin:profiles_therapist_export"), {"format": "0"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_it_escapes_every_cell_that_a_spreadsheet_would_run(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))
    factories.make_therapist(
        name=HYPERLINK,
        pronouns="+1",
        credentials="-2+3",
        license_number="@SUM(A1)",
        bio="\tcmd",
        city="\rx",
        status_reason="'=already quoted",
    )

    (row,) = exported_rows(client)

    assert row["name"] == "'" + HYPERLINK
    assert row["pronouns"] == "'+1"
    assert row["credentials"] == "'-2+3"
    assert row["license_number"] == "'@SUM(A1)"
    assert row["bio"] == "'\tcmd"
    assert row["city"] == "'\rx"
    assert row["status_reason"] == "''=already quoted"
    for column, cell in row.items():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), column


def test_an_escaped_export_imports_back_to_the_same_text(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))
    therapist = factories.make_therapist(name=HYPERLINK, credentials="'Tis", status_reason="'=already quoted")
    content = client.post(reverse("admin:profiles_therapist_export"), {"format": "0"}).content
    Therapist.objects.update(name="Changed", credentials="x", status_reason="x")

    upload = SimpleUploadedFile("directory.csv", content, content_type="text/csv")
    html = client.post(reverse("admin:profiles_therapist_import"), {"format": "0", "import_file": upload})
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html.content.decode()))
    client.post(reverse("admin:profiles_therapist_process_import"), fields, follow=True)

    therapist.refresh_from_db()
    assert therapist.name == HYPERLINK
    assert therapist.credentials == "'Tis"
    assert therapist.status_reason == "'=already quoted"
