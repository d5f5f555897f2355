"""Writes on the therapist side that carry a rule of the product.

Plain edits (bio, fees, style) are saved by their forms; what lives here is what
changes status, spans models or sends email.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.mail import EmailMessage, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
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
