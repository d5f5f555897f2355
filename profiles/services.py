"""Writes on the therapist side that carry a rule of the product.

Plain edits (bio, fees, style) are saved by their forms; what lives here is what
changes status, spans models or sends email.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from matchmaker.matching.search_table import listing_sync
from profiles.models import AVAILABILITY_FRESH_DAYS, State, Therapist


@transaction.atomic
def therapist_sign_up(*, name: str, email: str, password: str) -> Therapist:
    """A new account, named by its email address in lower case, with an empty draft profile."""
    email = email.strip().lower()
    user = get_user_model()(username=email, email=email, first_name=name[:150])
    user.set_password(password)
    user.full_clean()
    user.save()
    therapist = Therapist(user=user, name=name, status=Therapist.Status.DRAFT)
    therapist.full_clean()
    therapist.save()
    return therapist


@transaction.atomic
def therapist_update_license(*, therapist: Therapist, license_number: str, states: Iterable[State]) -> bool:
    """Record the license number and states.

    Clients trust a published profile because our team checked the license, so a
    published profile whose license changes goes back to pending until it is checked
    again. Returns True when that happened.
    """
    states = list(states)
    old_states = set(therapist.licensed_states.values_list("pk", flat=True))
    license_number = license_number.strip()
    if license_number == therapist.license_number and old_states == {state.pk for state in states}:
        return False
    therapist.license_number = license_number
    sent_back = therapist.status == Therapist.Status.PUBLISHED
    if sent_back:
        therapist.status = Therapist.Status.PENDING
        therapist.submitted_at = timezone.now()
    therapist.full_clean()
    therapist.save()
    therapist.licensed_states.set(states)
    listing_sync(therapist_ids=[therapist.pk])
    return sent_back


def therapist_submit(*, therapist: Therapist) -> None:
    """Send a draft or rejected profile to our team for verification."""
    if therapist.status not in (Therapist.Status.DRAFT, Therapist.Status.REJECTED):
        raise ValidationError(f"Your profile is already {therapist.get_status_display().lower()}.")
    missing = therapist.missing_for_submission()
    if missing:
        raise ValidationError("Before you can submit, please add " + ", ".join(missing) + ".")
    therapist.status = Therapist.Status.PENDING
    therapist.submitted_at = timezone.now()
    therapist.full_clean()
    therapist.save(update_fields=["status", "submitted_at", "updated_at"])


def therapist_confirm_availability(*, therapist: Therapist) -> None:
    """The therapist says their availability is still accurate: their listing is fresh again."""
    therapist.availability_confirmed_at = timezone.now()
    therapist.save(update_fields=["availability_confirmed_at", "updated_at"])
    listing_sync(therapist_ids=[therapist.pk])


def therapist_set_accepting(*, therapist: Therapist, accepting: bool) -> None:
    """Switch "accepting new clients". Saving it is also a confirmation that the availability is accurate."""
    therapist.accepting_new_clients = accepting
    therapist.availability_confirmed_at = timezone.now()
    therapist.save(update_fields=["accepting_new_clients", "availability_confirmed_at", "updated_at"])
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
