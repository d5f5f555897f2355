"""Writes on the therapist side that carry a rule of the product.

Plain edits (bio, fees, style) are saved by their forms; what lives here is what
changes status, spans models or sends email.
"""

from __future__ import annotations

import datetime
import enum
import logging
import smtplib
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.mail import EmailMessage, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from matchmaker.matching.search_table import listing_sync
from profiles.history import therapist_history_add
from profiles.models import AVAILABILITY_FRESH_DAYS, State, Therapist

logger = logging.getLogger(__name__)


SIGN_UP_SUBJECT = "Confirm your address to open your Matchmaker account"
SIGN_UP_BODY = """Hello {name},

Thank you for signing up to Matchmaker. To open your account, confirm that this address is yours:

{confirm_url}

The link works once, for three days. If you did not sign up, ignore this email: nothing is opened without it.

The Matchmaker team
"""
ALREADY_REGISTERED_SUBJECT = "Someone tried to sign up to Matchmaker with your address"
ALREADY_REGISTERED_BODY = """Hello,

Someone, perhaps you, tried to create a Matchmaker therapist account with this email address. You already
have one, so nothing new was created and nothing in your account has changed.

Log in here: {login_url}
Forgotten your password? Choose a new one here: {reset_url}

If it was not you, you can ignore this email.

The Matchmaker team
"""


def _send(subject: str, body: str, to: str) -> None:
    try:
        send_mail(subject, body, None, [to])
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not send a sign-up email")


def _send_confirmation(user: Any, *, name: str, site_url: str) -> None:
    path = reverse(
        "profiles:confirm_sign_up",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
    )
    _send(SIGN_UP_SUBJECT, SIGN_UP_BODY.format(name=name, confirm_url=site_url + path), user.email)


def _tell_owner(email: str, *, site_url: str) -> None:
    """The address has an account: tell its owner, or, if it was never confirmed, send the confirmation again."""
    users = get_user_model().objects
    unconfirmed = users.filter(email__iexact=email, is_active=False, last_login=None, therapist__isnull=False).first()
    if unconfirmed is not None:
        _send_confirmation(unconfirmed, name=unconfirmed.first_name, site_url=site_url)
        return
    body = ALREADY_REGISTERED_BODY.format(
        login_url=site_url + reverse("login"), reset_url=site_url + reverse("password_reset")
    )
    _send(ALREADY_REGISTERED_SUBJECT, body, email)


def therapist_sign_up(*, name: str, email: str, password: str, site_url: str) -> Therapist | None:
    """Start an account, named by its email address in lower case, with an empty draft profile.

    What happens next comes by email, and the one who asked learns nothing either way: a new address gets a
    link to confirm it (the account stays closed until then); an address that already has an account gets a
    note to its owner with links to log in or reset the password, and nothing is created. The password is
    hashed either way, so both take about as long. Two sign-ups racing with one address make one account;
    the other is answered as if the address were taken. Returns the new profile, or None.
    """
    email = email.strip().lower()
    hashed = make_password(password)
    users = get_user_model().objects
    if users.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
        _tell_owner(email, site_url=site_url)
        return None
    user = get_user_model()(username=email, email=email, first_name=name[:150], password=hashed, is_active=False)
    user.full_clean(validate_unique=False)  # the database's unique username settles a race
    try:
        with transaction.atomic():
            user.save()
            therapist = Therapist(user=user, name=name, status=Therapist.Status.DRAFT)
            therapist.full_clean()
            therapist.save()
    except IntegrityError:
        _tell_owner(email, site_url=site_url)
        return None
    _send_confirmation(user, name=name, site_url=site_url)
    return therapist


def therapist_confirm_sign_up(*, uidb64: str, token: str) -> Any | None:
    """Open the account a confirmation link names, once: returns its user, or None for a spent or spoiled link.

    The token is Django's password-reset kind, tied to the last login, so logging in spends it.
    """
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        user = get_user_model().objects.get(pk=pk, last_login=None)
    except (ValueError, OverflowError, UnicodeDecodeError, ObjectDoesNotExist, ValidationError):
        return None
    if not default_token_generator.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


# What our team checks before publishing, besides the license number and states: a published
# profile whose name or credentials change goes back for verification too.
VERIFIED_FIELDS = ("name", "credentials")
# How the admin history names each checked detail when a therapist's edit sends their profile back.
CHECKED_IN_WORDS = {
    "name": "name",
    "credentials": "credentials",
    "license_number": "license number",
    "licensed_states": "states",
}
SUBMITTED_MESSAGE = "Submitted for verification by the therapist."
SENT_BACK_MESSAGE = "Sent back to verification by the therapist's own edit: {fields}."


@transaction.atomic
def therapist_update_license(*, therapist: Therapist, license_number: str, states: Iterable[State]) -> bool:
    """Record the license number and states, and the name and credentials already set on the instance.

    Clients trust a published profile because our team checked who the therapist is
    and their license, so a published profile whose name, credentials, license number
    or states change goes back to pending, out of matches and off its public page,
    until it is checked again, and the admin history says which of them changed.
    Returns True when that happened.
    """
    states = list(states)
    stored = Therapist.objects.values(*VERIFIED_FIELDS, "license_number").get(pk=therapist.pk)
    old_states = set(therapist.licensed_states.values_list("pk", flat=True))
    therapist.license_number = license_number.strip()
    changed = [name for name in (*VERIFIED_FIELDS, "license_number") if getattr(therapist, name) != stored[name]]
    if old_states != {state.pk for state in states}:
        changed.append("licensed_states")
    sent_back = bool(changed) and therapist.status == Therapist.Status.PUBLISHED
    if sent_back:
        therapist.status = Therapist.Status.PENDING
        therapist.submitted_at = timezone.now()
    therapist.full_clean()
    therapist.save()
    therapist.licensed_states.set(states)
    listing_sync(therapist_ids=[therapist.pk])
    if sent_back and therapist.user_id is not None:
        fields = ", ".join(CHECKED_IN_WORDS[name] for name in changed)
        therapist_history_add(
            therapist=therapist, user_id=therapist.user_id, message=SENT_BACK_MESSAGE.format(fields=fields)
        )
    return sent_back


@transaction.atomic
def therapist_submit(*, therapist: Therapist) -> None:
    """Send a draft or rejected profile to our team for verification, and say so in the admin history."""
    if therapist.status not in (Therapist.Status.DRAFT, Therapist.Status.REJECTED):
        raise ValidationError(f"Your profile is already {therapist.get_status_display().lower()}.")
    missing = therapist.missing_for_submission()
    if missing:
        raise ValidationError("Before you can submit, please add " + ", ".join(missing) + ".")
    therapist.status = Therapist.Status.PENDING
    therapist.submitted_at = timezone.now()
    therapist.full_clean()
    therapist.save(update_fields=["status", "submitted_at", "updated_at"])
    if therapist.user_id is not None:
        therapist_history_add(therapist=therapist, user_id=therapist.user_id, message=SUBMITTED_MESSAGE)


def therapist_confirm_availability(*, therapist: Therapist) -> None:
    """The therapist says their availability is still accurate: their listing is fresh again."""
    therapist.availability_confirmed_at = timezone.now()
    therapist.save(update_fields=["availability_confirmed_at", "updated_at"])
    listing_sync(therapist_ids=[therapist.pk])


def therapist_set_accepting(*, therapist: Therapist, accepting: bool) -> None:
    """Switch "accepting new clients". Saving it is also a confirmation that the availability is accurate.

    Switching it on lifts a pause for unanswered requests (profiles.follow_up): the therapist has told us
    they are taking clients, and only requests from now on count towards another pause.
    """
    now = timezone.now()
    therapist.accepting_new_clients = accepting
    therapist.availability_confirmed_at = now
    fields = ["accepting_new_clients", "availability_confirmed_at", "updated_at"]
    if accepting and therapist.requests_paused_at is not None:
        therapist.requests_paused_at, therapist.requests_resumed_at = None, now
        fields += ["requests_paused_at", "requests_resumed_at"]
    therapist.save(update_fields=fields)
    listing_sync(therapist_ids=[therapist.pk])


def therapist_remind_availability(*, therapist: Therapist, site_url: str = "") -> None:
    """Email one availability reminder and record it, so the same confirmation is never reminded twice."""
    if therapist.user is None:
        raise ValueError("Only therapists with an account can be reminded.")
    context = {"therapist": therapist, "site_url": site_url.rstrip("/"), "fresh_days": AVAILABILITY_FRESH_DAYS}
    subject = "".join(render_to_string("profiles/email/availability_reminder_subject.txt", context).splitlines())
    body = render_to_string("profiles/email/availability_reminder_body.txt", context)
    EmailMessage(subject, body, to=[therapist.user.email]).send()
    # Recorded only after the email went out: a failed send is tried again on the next run.
    therapist.availability_reminder_sent_at = timezone.now()
    therapist.save(update_fields=["availability_reminder_sent_at", "updated_at"])


# --- The therapist's own account: a new email address, and leaving for good ---

EMAIL_CHANGE_SALT = "profiles.email-change"
EMAIL_CHANGE_HOURS = 24  # how long a link to confirm a new address works

EMAIL_CHANGE_SUBJECT = "Confirm your new address for Matchmaker"
EMAIL_CHANGE_BODY = """Hello {name},

You asked to log in to Matchmaker with this address from now on. To make the change, open this link and
confirm it:

{confirm_url}

The link works once, for {hours} hours. Until then you keep logging in with your current address.
If you did not ask for this, ignore this email: nothing changes without it.

The Matchmaker team
"""
EMAIL_CHANGE_TAKEN_SUBJECT = "Someone asked to move a Matchmaker account to your address"
EMAIL_CHANGE_TAKEN_BODY = """Hello,

Someone asked to log in to their Matchmaker therapist account with this email address. This address already
has an account, so nothing was changed, and your own account is just as it was.

If that was you, log in here with this address: {login_url}
If it was not you, you can ignore this email.

The Matchmaker team
"""
EMAIL_CHANGE_NOTICE_SUBJECT = "A change of address was asked for on your Matchmaker account"
EMAIL_CHANGE_NOTICE_BODY = """Hello {name},

Someone logged in to your Matchmaker account asked to log in with a new address from now on:

{new_email}

We have sent a link to that address. Nothing changes until the link is opened, and until then you keep
logging in with this address.

If that was you, there is nothing more to do here. If it was not you, please choose a new password now,
which also makes the link stop working: {reset_url}

The Matchmaker team
"""


class EmailChange(enum.Enum):
    """What opening a link to confirm a new address did."""

    CHANGED = "changed"
    SPOILED = "spoiled"  # tampered with, out of date, or already used
    TAKEN = "taken"  # the address has an account of its own by now


def _account_state(user: Any) -> str:
    """A fingerprint of the address and password: a link stops working once either has changed."""
    return salted_hmac(EMAIL_CHANGE_SALT, f"{user.pk}|{user.email}|{user.password}", algorithm="sha256").hexdigest()[
        :32
    ]


def _address_taken(email: str, *, apart_from: Any) -> bool:
    users = get_user_model().objects.exclude(pk=apart_from.pk)
    return users.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists()


def email_change_token(*, user: Any, new_email: str) -> str:
    return signing.dumps({"user": user.pk, "email": new_email, "state": _account_state(user)}, salt=EMAIL_CHANGE_SALT)


def therapist_request_email_change(*, therapist: Therapist, new_email: str, site_url: str) -> None:
    """Ask the new address to confirm itself, and tell the current address that a change was asked for.

    The one who asked learns nothing about the new address: one that already has an account is sent a note
    saying so instead of a link, and the page after it reads the same either way.
    """
    user = therapist.user
    if user is None:
        raise ValueError("Only therapists with an account can change its address.")
    new_email = new_email.strip().lower()
    site_url = site_url.rstrip("/")
    if _address_taken(new_email, apart_from=user):
        body = EMAIL_CHANGE_TAKEN_BODY.format(login_url=site_url + reverse("login"))
        _send(EMAIL_CHANGE_TAKEN_SUBJECT, body, new_email)
    else:
        path = reverse("profiles:confirm_email_change", args=[email_change_token(user=user, new_email=new_email)])
        body = EMAIL_CHANGE_BODY.format(name=therapist.name, confirm_url=site_url + path, hours=EMAIL_CHANGE_HOURS)
        _send(EMAIL_CHANGE_SUBJECT, body, new_email)
    if user.email:
        notice = EMAIL_CHANGE_NOTICE_BODY.format(
            name=therapist.name, new_email=new_email, reset_url=site_url + reverse("password_reset")
        )
        _send(EMAIL_CHANGE_NOTICE_SUBJECT, notice, user.email)


def _email_change_read(token: str) -> tuple[Any, str] | None:
    """The account and new address a link names, if it is genuine, in time and not yet used."""
    try:
        asked = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=datetime.timedelta(hours=EMAIL_CHANGE_HOURS))
        user = get_user_model().objects.get(pk=int(asked["user"]), therapist__isnull=False)
        new_email = str(asked["email"])
        state = str(asked["state"])
    except (signing.BadSignature, ObjectDoesNotExist, KeyError, TypeError, ValueError):
        return None
    if not constant_time_compare(state, _account_state(user)):
        return None  # used already, or the password changed since
    return user, new_email


def email_change_asked(*, token: str) -> str | None:
    """The new address a link to confirm one names, or None when it no longer works. Changes nothing."""
    read = _email_change_read(token)
    return None if read is None else read[1]


def therapist_confirm_email_change(*, token: str) -> EmailChange:
    """Make the address a link names the account's email and login, once, within EMAIL_CHANGE_HOURS.

    Stored in lower case as both username and email, as at sign-up, so logging in takes it in any case.
    """
    read = _email_change_read(token)
    if read is None:
        return EmailChange.SPOILED
    user, new_email = read
    if _address_taken(new_email, apart_from=user):
        return EmailChange.TAKEN
    user.username = user.email = new_email
    try:
        with transaction.atomic():
            user.save(update_fields=["username", "email"])
    except IntegrityError:  # taken by a sign-up a moment ago
        return EmailChange.TAKEN
    return EmailChange.CHANGED


def _delete_photo_on_commit(therapist: Therapist) -> None:
    if therapist.photo:
        storage, name = therapist.photo.storage, therapist.photo.name
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def therapist_delete_account(*, therapist: Therapist) -> None:
    """Delete a therapist for good: the profile, its listing, its photo, and the account they log in with.

    Consultation requests stay with the clients who wrote them, under the therapist's name as it was, and
    read as "this therapist has left Matchmaker". A staff account is kept (its admin history would go with
    it); only its link to the profile goes. The photo's file is deleted once the deletion has committed.
    """
    locked = Therapist.objects.select_for_update(of=("self",)).select_related("user").filter(pk=therapist.pk).first()
    if locked is None:
        return  # deleted a moment ago, by a second click or by our team: the outcome is the same
    therapist = locked
    therapist.requests.filter(therapist_name="").update(therapist_name=therapist.name)
    user = therapist.user
    pk = therapist.pk
    _delete_photo_on_commit(therapist)
    therapist.delete()
    if user is not None and not user.is_staff:
        user.delete()
    listing_sync(therapist_ids=[pk])
