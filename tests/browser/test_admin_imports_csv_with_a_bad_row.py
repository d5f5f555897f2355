"""A curator uploads a CSV with one bad row: the preview names the row and why, and nothing is imported.
With the row fixed, the preview offers the import, and confirming it adds every row."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from profiles.models import Therapist
from tests import factories
from tests.csv_helpers import csv_text, good_row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_file(page, rows: list[dict[str, str]]) -> None:
    page.get_by_label("File to import").set_input_files(
        {"name": "directory.csv", "mimeType": "text/csv", "buffer": csv_text(rows).encode()}
    )
    page.get_by_role("button", name="Submit").click()


def test_it_lists_the_bad_row_and_imports_nothing_until_the_file_is_fixed(page):
    staff = factories.make_staff("curator")
    rows = [
        good_row(name="Ada Good", license_number="A-1"),
        good_row(name="Bea Broken", license_number="B-2", licensed_states="CA;ZZ"),
        good_row(name="Cy Good", license_number="C-3"),
    ]

    page.goto(reverse("admin:profiles_therapist_changelist"))
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Import").click()
    choose_file(page, rows)

    expect(page.get_by_role("heading", name="Nothing was imported: 1 row needs fixing")).to_be_visible()
    problems = page.get_by_role("list", name="Nothing was imported: 1 row needs fixing")
    expect(problems).to_contain_text("Row 2 (spreadsheet line 3)")
    expect(problems).to_contain_text("licensed_states: Unknown state code “ZZ”")
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)
    assert not Therapist.objects.exists()

    rows[1] = good_row(name="Bea Broken", license_number="B-2", licensed_states="CA;TX")
    choose_file(page, rows)
    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    assert not Therapist.objects.exists()
    page.get_by_role("button", name="Confirm import").click()

    expect(page.locator(".messagelist")).to_contain_text("Import finished: 3 new")
    assert sorted(Therapist.objects.values_list("name", flat=True)) == ["Ada Good", "Bea Broken", "Cy Good"]
    bea = Therapist.objects.get(name="Bea Broken")
    assert sorted(bea.licensed_states.values_list("code", flat=True)) == ["CA", "TX"]
