"""Build CSV files in the directory's import layout for tests."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from matchmaker.dimensions import DIMENSIONS
from profiles.resources import TherapistResource


def headers() -> list[str]:
    return TherapistResource().get_export_headers()


def good_row(**overrides: Any) -> dict[str, str]:
    """A new therapist (empty id) with a valid value in every column."""
    row = {
        "id": "",
        "status": "pending",
        "status_reason": "",
        "name": "Nina New",
        "pronouns": "she/her",
        "credentials": "LMFT",
        "license_number": "LMFT-123",
        "licensed_states": "CA;NY",
        "gender": "woman",
        "lgbtq_affirming": "1",
        "faith": "",
        "birth_year": "1980",
        "bio": "I work with couples and families.",
        "office_zip": "94612",
        "city": "Oakland",
        "offers_online": "1",
        "offers_in_person": "0",
        "languages": "en;es",
        "fee": "140",
        "sliding_scale": "1",
        "insurance_plans": "aetna",
        "concerns": "anxiety;grief",
        "modalities": "",
        "accepting_new_clients": "1",
        "availability_confirmed_at": "",
    }
    for index, dimension in enumerate(DIMENSIONS):
        row[dimension.key] = str(index + 1)
        row[dimension.note_field] = ""
    row.update({key: str(value) for key, value in overrides.items()})
    return row


def csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def upload(rows: list[dict[str, str]], name: str = "directory.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, csv_text(rows).encode(), content_type="text/csv")
