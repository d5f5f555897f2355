"""What curators do to a listing: approve it, reject it with a reason, take it down.

Each function changes one therapist, records the change in the admin history in
the same transaction, and then tells the therapist by email. The admin actions
call these; nothing else should flip a listing's status by hand.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from matchmaker.matching.search_table import listing_sync
from profiles.history import therapist_history_add
from profiles.models import Therapist

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    changed: bool  # False when the listing was already in the state asked for
    emailed: bool  # whether a message to the therapist was handed to the mail server


UNCHANGED = Outcome(changed=False, emailed=False)


def therapist_approve(*, therapist: Therapist, by: AbstractBaseUser) -> Outcome:
    """Publish a listing after its license was checked, and record who checked it."""
    if therapist.status == Therapist.Status.PUBLISHED:
        return UNCHANGED
    with transaction.atomic():
        therapist.status = Therapist.Status.PUBLISHED
        therapist.status_reason = ""
        therapist.verified_at = timezone.now()
        therapist.verified_by = by  # type: ignore[assignment]
        therapist.full_clean()
        therapist.save()
        listing_sync(therapist_ids=[therapist.pk])
        _log(therapist, by, "Approved after verification and published.")
    emailed = _tell(
        therapist,
        subject="Your Matchmaker profile is now live",
        body=(
            f"Hello {therapist.name},\n\n"
            "We have checked your license and published your profile. Clients looking for someone "
            "who works the way you do can now find you.\n\n"
            "Please keep “accepting new clients” up to date, and confirm your availability every "
            "few weeks so your listing stays visible.\n\n"
            "Thank you for being part of Matchmaker."
        ),
    )
    return Outcome(changed=True, emailed=emailed)


def therapist_reject(*, therapist: Therapist, by: AbstractBaseUser, reason: str) -> Outcome:
    """Turn a listing down with a reason the therapist reads in the email and on their dashboard."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"status_reason": "Please say why, so the therapist knows what to change."})
    if therapist.status == Therapist.Status.REJECTED and therapist.status_reason == reason:
        return UNCHANGED
    with transaction.atomic():
        therapist.status = Therapist.Status.REJECTED
        therapist.status_reason = reason
        therapist.full_clean()
        therapist.save()
        listing_sync(therapist_ids=[therapist.pk])
        _log(therapist, by, f"Rejected. Reason given: {reason}")
    emailed = _tell(
        therapist,
        subject="About your Matchmaker profile",
        body=(
            f"Hello {therapist.name},\n\n"
            "Thank you for your interest in Matchmaker. We are not able to publish your profile yet, "
            "for this reason:\n\n"
            f"{reason}\n\n"
            "You can sign in, update your profile and send it for review again. "
            "If you think we got something wrong, just reply to this email."
        ),
    )
    return Outcome(changed=True, emailed=emailed)


def therapist_unpublish(*, therapist: Therapist, by: AbstractBaseUser) -> Outcome:
    """Take a published listing out of results and back into the verification queue."""
    if therapist.status != Therapist.Status.PUBLISHED:
        return UNCHANGED
    with transaction.atomic():
        therapist.status = Therapist.Status.PENDING
        therapist.full_clean()
        therapist.save()
        listing_sync(therapist_ids=[therapist.pk])
        _log(therapist, by, "Unpublished and moved back to pending verification.")
    return Outcome(changed=True, emailed=False)


def may_preview_unpublished(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether someone may open a listing that is not published on its public page, marked as a preview.

    Staff who can open therapists in the admin may (the view or the change permission, as the admin
    itself asks). Anyone else, the therapist included, gets the same 404 as for an id that does not exist:
    therapists have their own preview in the editor.
    """
    if not (user.is_active and getattr(user, "is_staff", False)):
        return False
    return user.has_perm("profiles.view_therapist") or user.has_perm("profiles.change_therapist")  # type: ignore[union-attr]


def _log(therapist: Therapist, by: AbstractBaseUser, message: str) -> None:
    therapist_history_add(therapist=therapist, user_id=by.pk, message=message)


def _tell(therapist: Therapist, *, subject: str, body: str) -> bool:
    """Email the therapist's account address. A failed email never undoes the curator's decision."""
    address = therapist.user.email if therapist.user else ""
    if not address:
        return False
    try:
        EmailMessage(subject=subject, body=body, to=[address]).send()
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not email therapist %s about their listing.", therapist.pk, exc_info=True)
        return False
    return True
