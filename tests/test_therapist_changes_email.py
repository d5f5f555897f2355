"""A therapist moves their login to a new email address: a link goes to the new address and a notice to
the current one, and only opening the link and confirming changes anything. Then they log in with the new
address, typed in any case."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from profiles.services import therapist_sign_up
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/therapist/account/email/confirm/\S+/)")


@pytest.fixture
def robin() -> Therapist:
    therapist = therapist_sign_up(name="Robin Lee", email="robin@example.com", password=PASSWORD, site_url="")
    assert therapist is not None and therapist.user is not None
    therapist.user.is_active = True  # as following the emailed link does
    therapist.user.save()
    mail.outbox.clear()
    return therapist


def ask(client: Browser, new_email: str, password: str = PASSWORD) -> object:
    return client.post(reverse("profiles:email_change"), {"new_email": new_email, "password": password})


def link_in(message: mail.EmailMessage) -> str:
    found = LINK.search(message.body)
    assert found is not None, message.body
    return found.group(1)


def logs_in(email: str) -> bool:
    browser = Browser()
    response = browser.post(reverse("login"), {"username": email, "password": PASSWORD})
    return response.status_code == 302 and "_auth_user_id" in browser.session


HOUR = 3600.0


def clock_at(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Set the clock the signed links are stamped and checked with."""
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: seconds))


def account_of(therapist: Therapist) -> tuple[str, str]:
    user = get_user_model().objects.get(pk=therapist.user_id)
    return user.username, user.email


def test_it_sends_a_link_to_the_new_address_and_a_notice_to_the_current_one(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)

    response = ask(client, "Robin.Lee@Example.org")

    assert response["Location"] == reverse("profiles:account")
    assert len(mail.outbox) == 2
    confirm, notice = mail.outbox
    assert confirm.to == ["robin.lee@example.org"]
    assert confirm.subject == "Confirm your new address for Matchmaker"
    assert "The link works once, for 24 hours." in confirm.body
    link_in(confirm)
    assert notice.to == ["robin@example.com"]
    assert notice.subject == "A change of address was asked for on your Matchmaker account"
    assert "robin.lee@example.org" in notice.body
    assert "/therapist/account/email/confirm/" not in notice.body  # the link goes only to the new address
    assert account_of(robin) == ("robin@example.com", "robin@example.com")  # nothing changes yet
    page = client.get(reverse("profiles:account")).content.decode()
    assert "We have sent a link to robin.lee@example.org. Open it within 24 hours" in page


def test_the_link_asks_first_then_changes_the_address_and_login(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)
    ask(client, "Robin.Lee@Example.org")
    link = link_in(mail.outbox[0])

    shown = Browser().get(link)
    assert shown.status_code == 200
    assert "robin.lee@example.org" in shown.content.decode()
    assert account_of(robin) == ("robin@example.com", "robin@example.com")  # opening it only asks

    response = Browser().post(link)

    assert response.status_code == 200
    assert "<h1>Your address is changed</h1>" in response.content.decode()
    assert account_of(robin) == ("robin.lee@example.org", "robin.lee@example.org")
    for typed in ("robin.lee@example.org", "ROBIN.LEE@example.ORG", " Robin.Lee@Example.org "):
        assert logs_in(typed), typed
    assert not logs_in("robin@example.com")
    assert client.get(reverse("profiles:account")).status_code == 200  # still logged in where they asked


def test_the_link_works_once(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)
    ask(client, "robin.lee@example.org")
    link = link_in(mail.outbox[0])
    assert Browser().post(link).status_code == 200

    again = Browser().post(link)

    assert again.status_code == 400
    assert "<h1>This link no longer works</h1>" in again.content.decode()
    assert account_of(robin) == ("robin.lee@example.org", "robin.lee@example.org")


def test_an_expired_link_is_refused_kindly_and_changes_nothing(
    client: Browser, robin: Therapist, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(robin.user)
    now = time.time()
    clock_at(monkeypatch, now)
    ask(client, "robin.lee@example.org")
    link = link_in(mail.outbox[0])

    clock_at(monkeypatch, now + 24 * HOUR + 60)
    shown, posted = Browser().get(link), Browser().post(link)

    for response in (shown, posted):
        assert response.status_code == 400
        assert "works once, for 24 hours" in response.content.decode()
    assert account_of(robin) == ("robin@example.com", "robin@example.com")


def test_a_link_still_in_time_works(client: Browser, robin: Therapist, monkeypatch: pytest.MonkeyPatch) -> None:
    client.force_login(robin.user)
    now = time.time()
    clock_at(monkeypatch, now)
    ask(client, "robin.lee@example.org")
    link = link_in(mail.outbox[0])

    clock_at(monkeypatch, now + 24 * HOUR - 60)
    assert Browser().post(link).status_code == 200

    assert account_of(robin)[1] == "robin.lee@example.org"


def other_payload(token: str) -> str:
    """The same signature over a payload naming another address."""
    payload, rest = token.split(":", 1)
    value = signing.b64_decode(payload.encode()).decode().replace("robin.lee@example.org", "mallory@example.org")
    return signing.b64_encode(value.encode()).decode() + ":" + rest


SPOILERS: dict[str, Callable[[str], str]] = {
    "a changed signature": lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
    "another address inside": other_payload,
    "signed for something else": lambda token: signing.dumps(signing.loads(token, salt="profiles.email-change")),
    "not a link at all": lambda token: "nonsense",
}


@pytest.mark.parametrize("spoil", SPOILERS.values(), ids=SPOILERS.keys())
def test_a_tampered_link_is_refused_kindly_and_changes_nothing(
    client: Browser, robin: Therapist, spoil: Callable[[str], str]
) -> None:
    client.force_login(robin.user)
    ask(client, "robin.lee@example.org")
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]

    response = Browser().post(reverse("profiles:confirm_email_change", args=[spoil(token)]))

    assert response.status_code == 400
    assert "<h1>This link no longer works</h1>" in response.content.decode()
    assert account_of(robin) == ("robin@example.com", "robin@example.com")


def test_a_password_change_after_asking_stops_the_link(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)
    ask(client, "robin.lee@example.org")
    link = link_in(mail.outbox[0])
    new = "an entirely different passphrase"
    client.post(
        reverse("profiles:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )

    assert Browser().post(link).status_code == 400
    assert account_of(robin) == ("robin@example.com", "robin@example.com")


def test_a_wrong_password_is_said_next_to_its_field_and_sends_nothing(client: Browser, robin: Therapist) -> None:
    client.force_login(robin.user)

    response = ask(client, "robin.lee@example.org", password="not my password")

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors == {"password": ["That is not your current password. Please type it again; capitals matter here."]}
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("ROBIN@example.com", "That is already the address you log in with."),
        ("not an address", "Enter a valid email address."),
        ("", "This field is required."),
    ],
)
def test_an_address_that_cannot_be_used_is_said_next_to_its_field(
    client: Browser, robin: Therapist, typed: str, error: str
) -> None:
    client.force_login(robin.user)

    response = ask(client, typed)

    assert response.status_code == 400
    assert response.context["form"].errors == {"new_email": [error]}
    assert mail.outbox == []
