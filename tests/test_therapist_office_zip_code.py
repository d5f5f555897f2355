"""A therapist's office is a ZIP code: needed to see clients in person, and the office city follows from it."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.contrib.auth.models import AbstractUser
from django.test import Client as Browser
from django.urls import reverse
from django.utils.html import escape

from profiles.models import Listing, Therapist
from tests import factories
from tests.csv_helpers import good_row, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(client: Browser) -> Therapist:
    therapist = factories.make_therapist_user("robin", status=Therapist.Status.DRAFT)
    client.force_login(therapist.user)
    return therapist


def post_practice(browser: Browser, therapist: Therapist, **changes: str) -> tuple[int, str]:
    url = reverse("profiles:edit_step", args=[therapist.pk, "practice"])
    response = browser.post(url, factories.practice_step_post(therapist, **changes))
    return response.status_code, response.content.decode()


def test_the_practice_step_asks_for_the_office_zip_code_not_the_city(client: Browser, owner: Therapist) -> None:
    html = client.get(reverse("profiles:edit_step", args=[owner.pk, "practice"])).content.decode()

    assert 'name="office_zip"' in html
    assert 'name="city"' not in html


def test_the_city_is_the_office_zip_codes_and_shown_back(client: Browser, owner: Therapist) -> None:
    status, _ = post_practice(client, owner, offers_in_person="on", office_zip="43215")

    assert status == 302
    owner.refresh_from_db()
    assert (owner.office_zip, owner.city) == ("43215", "Columbus")
    html = client.get(reverse("profiles:edit_step", args=[owner.pk, "practice"])).content.decode()
    assert "Clients will read your office as being in Columbus, OH." in html


def test_seeing_clients_in_person_needs_an_office_zip_code(client: Browser, owner: Therapist) -> None:
    status, html = post_practice(client, owner, offers_in_person="on", office_zip="")

    assert status == 400
    assert escape("Tell clients where your office is: its ZIP code.") in html
    assert Therapist.objects.get(pk=owner.pk).offers_in_person is False


@pytest.mark.parametrize(
    ("office_zip", "message"),
    [("123", "Please enter a ZIP code of 5 digits, like 43215."), ("00000", "00000 is not a US ZIP code we know.")],
)
def test_a_bad_office_zip_code_gets_a_message(client: Browser, owner: Therapist, office_zip: str, message: str) -> None:
    status, html = post_practice(client, owner, offers_in_person="on", office_zip=office_zip)

    assert status == 400
    assert escape(message) in html
    assert Therapist.objects.get(pk=owner.pk).office_zip == ""


def test_a_therapist_online_only_needs_no_office(client: Browser, owner: Therapist) -> None:
    status, _ = post_practice(client, owner, office_zip="")

    assert status == 302


def test_the_listing_stores_the_offices_centroid_only_for_in_person_therapists() -> None:
    office = factories.make_therapist(name="Office", offers_in_person=True, office_zip="43215", states=("OH",))
    online = factories.make_therapist(name="Online", offers_in_person=False, office_zip="43215", states=("OH",))

    assert Listing.objects.values_list("office_latitude", "office_longitude").get(therapist=office) == (
        pytest.approx(39.96, abs=0.05),
        pytest.approx(-83.0, abs=0.05),
    )
    assert Listing.objects.values_list("office_latitude", "office_longitude").get(therapist=online) == (None, None)


def test_submission_asks_for_the_office_zip_code_of_an_in_person_therapist() -> None:
    therapist = factories.make_therapist(offers_in_person=True, city="Columbus")

    assert "the ZIP code of your office" in therapist.missing_for_submission()


@pytest.fixture
def curator(client: Browser) -> AbstractUser:
    staff = factories.make_staff("curator")
    client.force_login(staff)
    return staff


def confirm_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))


def test_a_csv_import_derives_the_city_from_the_office_zip_code(client: Browser, curator: AbstractUser) -> None:
    row = good_row(name="Ada Office", offers_in_person="1", office_zip="44114", city="Typed Elsewhere")
    html = client.post(
        reverse("admin:profiles_therapist_import"), {"format": "0", "import_file": upload([row])}
    ).content.decode()
    assert "Confirm import" in html, html

    client.post(reverse("admin:profiles_therapist_process_import"), confirm_fields(html))

    ada = Therapist.objects.get(name="Ada Office")
    assert (ada.office_zip, ada.city) == ("44114", "Cleveland")


def test_a_csv_import_refuses_an_unknown_office_zip_code(client: Browser, curator: AbstractUser) -> None:
    row = good_row(name="Bad Zip", offers_in_person="1", office_zip="9999")
    html = client.post(
        reverse("admin:profiles_therapist_import"), {"format": "0", "import_file": upload([row])}
    ).content.decode()

    assert "Nothing was imported: 1 row needs fixing" in html
    assert "Please enter a ZIP code of 5 digits, like 43215." in html
    assert not Therapist.objects.exists()


def test_a_csv_export_carries_the_office_zip_code_and_its_city(client: Browser, curator: AbstractUser) -> None:
    factories.make_therapist(name="Cleo Office", offers_in_person=True, office_zip="45202", city="Cincinnati")

    response = client.post(reverse("admin:profiles_therapist_export"), {"format": "0"})

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert (rows[0]["office_zip"], rows[0]["city"]) == ("45202", "Cincinnati")
