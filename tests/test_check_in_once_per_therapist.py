"""A private link checks in once per therapist: a second try leads to the first check-in, and a race saves one."""

from __future__ import annotations

import threading

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, connection, transaction
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import CheckIn
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist

ANSWERS = {"bond": 4, "goals": 3, "tasks": 2, "again": "yes"}
AGAIN = "You already checked in about Dana Reyes; here is what you told us then."


@pytest.mark.django_db
def test_a_second_check_in_leads_to_the_first_and_saves_nothing(client: Browser) -> None:
    dana = make_therapist(name="Dana Reyes")
    owner, token = make_client()
    make_consultation_request(dana, client=owner)
    url = reverse("questionnaire:check_in", args=[token, dana.pk])
    first = client.post(url, ANSWERS)
    saved = CheckIn.objects.get()
    result = reverse("questionnaire:check_in_result", args=[token, saved.pk])
    assert first["Location"] == result

    for response in (client.get(url), client.post(url, {"bond": 0, "goals": 0, "tasks": 0, "again": "no"})):
        assert response.status_code == 302
        assert response["Location"] == result
        assert AGAIN in [str(message) for message in get_messages(response.wsgi_request)]

    assert CheckIn.objects.count() == 1
    assert CheckIn.objects.values("bond", "goals", "tasks", "again").get() == ANSWERS


@pytest.mark.django_db
def test_the_database_refuses_a_second_check_in_about_the_same_therapist() -> None:
    dana = make_therapist(name="Dana Reyes")
    owner, _token = make_client()
    make_check_in(dana, client=owner)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_check_in(dana, client=owner)


def submit(url: str, start: threading.Barrier, statuses: list[int]) -> None:
    try:
        start.wait()
        statuses.append(Browser(raise_request_exception=False).post(url, ANSWERS).status_code)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_once_save_one_check_in() -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite writes lock the whole database file, and its test database is not shared by threads")
    for round_number in range(10):
        dana = make_therapist(name="Dana Reyes", license_number=f"LIC-{round_number}")
        owner, token = make_client()
        make_consultation_request(dana, client=owner)
        url = reverse("questionnaire:check_in", args=[token, dana.pk])
        start = threading.Barrier(2)
        statuses: list[int] = []
        threads = [threading.Thread(target=submit, args=(url, start, statuses)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

        assert statuses == [302, 302], round_number
        assert CheckIn.objects.filter(client=owner, therapist=dana).count() == 1, round_number
