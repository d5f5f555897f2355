"""One account can ask for a new address at most RATE_LIMIT_EMAIL_CHANGES times (3 an hour), whatever
addresses it types and wherever it asks from; past that it is told when to try again and nothing is sent."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import PASSWORD, make_therapist_user

pytestmark = pytest.mark.django_db


def ask(browser: Browser, number: int) -> int:
    data = {"new_email": f"robin{number}@example.org", "password": PASSWORD}
    return browser.post(reverse("profiles:email_change"), data, REMOTE_ADDR=f"198.51.100.{number}").status_code


def test_an_account_is_paused_after_three_requests_an_hour() -> None:
    robin = make_therapist_user("robin")
    browser = Browser()
    browser.force_login(robin.user)

    statuses = [ask(browser, number) for number in range(4)]

    assert statuses == [302, 302, 302, 429]
    assert len(mail.outbox) == 3 * 2  # a link and a notice each time
    response = browser.post(reverse("profiles:email_change"), {"new_email": "x@example.org", "password": PASSWORD})
    assert "You can try again within an hour." in response.content.decode()


def test_another_account_is_not_paused_with_it() -> None:
    robin, sam = make_therapist_user("robin"), make_therapist_user("sam")
    for browser, who in ((Browser(), robin), (Browser(), sam)):
        browser.force_login(who.user)
        assert [ask(browser, number) for number in range(3)] == [302, 302, 302]


def test_the_rate_is_read_from_the_setting(settings: object) -> None:
    settings.RATE_LIMIT_EMAIL_CHANGES = "1/h"  # type: ignore[attr-defined]
    robin = make_therapist_user("robin")
    browser = Browser()
    browser.force_login(robin.user)

    assert [ask(browser, number) for number in range(2)] == [302, 429]
