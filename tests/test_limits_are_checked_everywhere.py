"""A fee or a birth year out of range is refused alike by the editor's forms, the CSV import and the
database, with the same words wherever a person reads them; so are a client's fee ceiling and a
check-in answer."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import CheckIn
from profiles.forms import AboutForm, PracticeForm
from profiles.models import Therapist
from questionnaire.forms import CostsForm, RefineForm
from questionnaire.models import Client
from tests import factories
from tests.csv_helpers import good_row, upload

pytestmark = pytest.mark.django_db

FEE_MESSAGE = "Please enter a fee of at most $1000 a session."
CLIENT_FEE_MESSAGE = "Please enter an amount up to $1000, or leave it empty if cost does not limit you."


def birth_year_message() -> str:
    latest = datetime.date.today().year - 21
    return f"Please enter a year between 1920 and {latest}, or leave it empty."


@pytest.fixture
def therapist() -> Therapist:
    return factories.make_therapist_user("robin", fee=120, birth_year=1980)


@pytest.fixture
def curator(client: Browser) -> AbstractUser:
    staff = factories.make_staff("curator")
    client.force_login(staff)
    return staff


def csv_preview(browser: Browser, **overrides: str) -> str:
    response = browser.post(
        reverse("admin:profiles_therapist_import"), {"format": "0", "import_file": upload([good_row(**overrides)])}
    )
    assert response.status_code == 200
    return response.content.decode()


# The fee: at most $1000 a session.


def test_it_refuses_a_fee_over_1000_in_the_practice_step(therapist: Therapist) -> None:
    form = PracticeForm(data=factories.practice_step_post(therapist, fee="1001"), instance=therapist)

    assert form.errors["fee"] == [FEE_MESSAGE]


def test_it_accepts_a_fee_of_exactly_1000_in_the_practice_step(therapist: Therapist) -> None:
    form = PracticeForm(data=factories.practice_step_post(therapist, fee="1000"), instance=therapist)

    assert form.is_valid(), form.errors


def test_it_refuses_a_fee_over_1000_in_a_csv_import_with_the_same_words(client: Browser, curator: AbstractUser) -> None:
    html = csv_preview(client, fee="1001")

    assert "Nothing was imported: 1 row needs fixing" in html
    assert FEE_MESSAGE in html
    assert not Therapist.objects.exists()


def test_the_database_refuses_a_fee_over_1000(therapist: Therapist) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Therapist.objects.filter(pk=therapist.pk).update(fee=1001)
    therapist.refresh_from_db()
    assert therapist.fee == 120


# The year of birth: from 1920 to 21 years ago, or none.


@pytest.mark.parametrize("year", [1919, datetime.date.today().year - 20])
def test_it_refuses_a_birth_year_out_of_range_in_the_about_step(therapist: Therapist, year: int) -> None:
    form = AboutForm(data=factories.about_step_post(therapist, birth_year=str(year)), instance=therapist)

    assert form.errors["birth_year"] == [birth_year_message()]


@pytest.mark.parametrize("year", ["1920", str(datetime.date.today().year - 21), ""])
def test_it_accepts_a_birth_year_at_either_end_of_the_range_or_none(therapist: Therapist, year: str) -> None:
    form = AboutForm(data=factories.about_step_post(therapist, birth_year=year), instance=therapist)

    assert form.is_valid(), form.errors


@pytest.mark.parametrize("year", ["1919", "1900", str(datetime.date.today().year - 20)])
def test_it_refuses_a_birth_year_out_of_range_in_a_csv_import_with_the_same_words(
    client: Browser, curator: AbstractUser, year: str
) -> None:
    html = csv_preview(client, birth_year=year)

    assert "Nothing was imported: 1 row needs fixing" in html
    assert birth_year_message() in html
    assert not Therapist.objects.exists()


def test_the_database_refuses_a_birth_year_before_1920(therapist: Therapist) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Therapist.objects.filter(pk=therapist.pk).update(birth_year=1919)
    therapist.refresh_from_db()
    assert therapist.birth_year == 1980


def test_the_model_itself_refuses_both_limits(therapist: Therapist) -> None:
    therapist.fee = 1001
    therapist.birth_year = 1919

    with pytest.raises(ValidationError) as raised:
        therapist.full_clean()

    assert raised.value.message_dict == {"fee": [FEE_MESSAGE], "birth_year": [birth_year_message()]}


def test_a_step_without_the_birth_year_still_saves_when_the_stored_year_is_out_of_range(therapist: Therapist) -> None:
    Therapist.objects.filter(pk=therapist.pk).update(birth_year=datetime.date.today().year - 5)
    therapist.refresh_from_db()

    form = PracticeForm(data=factories.practice_step_post(therapist, fee="130"), instance=therapist)

    assert form.is_valid(), form.errors


# A client's fee ceiling: from 0 to $1000, or none.


@pytest.mark.parametrize("form_class", [CostsForm, RefineForm])
def test_it_refuses_a_clients_fee_ceiling_over_1000_in_both_forms(form_class: type) -> None:
    person, _token = factories.make_client()
    form = form_class(data={"max_fee": "1001", "state": "CA", "session_format": "either"}, instance=person)

    assert form.errors["max_fee"] == [CLIENT_FEE_MESSAGE]


def test_the_client_model_refuses_a_fee_ceiling_over_1000() -> None:
    person, _token = factories.make_client()
    person.max_fee = 1001

    with pytest.raises(ValidationError) as raised:
        person.full_clean()

    assert raised.value.message_dict == {"max_fee": [CLIENT_FEE_MESSAGE]}


def test_the_database_refuses_a_clients_fee_ceiling_over_1000() -> None:
    person, _token = factories.make_client(max_fee=80)

    with pytest.raises(IntegrityError), transaction.atomic():
        Client.objects.filter(pk=person.pk).update(max_fee=1001)
    person.refresh_from_db()
    assert person.max_fee == 80


# A check-in answer: from 0 to 10.


def test_the_check_in_model_refuses_an_answer_over_4(therapist: Therapist) -> None:
    person, _token = factories.make_client()
    check_in = CheckIn(client=person, therapist=therapist, bond=5, goals=3, tasks=3, again="yes", felt_right=True)

    with pytest.raises(ValidationError) as raised:
        check_in.full_clean()

    assert list(raised.value.message_dict) == ["bond"]
