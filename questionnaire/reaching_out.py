"""Reaching out to a therapist and checking in after a first session: forms and the writes behind them."""

from __future__ import annotations

import logging
import re
import smtplib
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from matchmaker import aggregates
from matchmaker.alliance.models import CheckIn, ConsultationRequest, PublishedCheckIns
from matchmaker.dimensions import BY_KEY
from profiles.models import Therapist
from questionnaire.forms import STEPS
from questionnaire.models import Client

logger = logging.getLogger(__name__)

CONTACT_HELP = "An email address or a phone number, whichever you would like them to use."
CONTACT_ERROR = "Please give an email address (like name@example.com) or a phone number (like 555 123 4567)."
PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().-]+$")
PHONE_DIGITS = range(7, 16)  # the shortest local numbers to the longest international ones


class ConsultationRequestForm(forms.ModelForm):
    class Meta:
        model = ConsultationRequest
        fields = ["name", "contact", "message"]
        labels = {"name": "Your name", "contact": "How they can reach you", "message": "A short message"}
        help_texts = {
            "name": "A first name is enough.",
            "contact": CONTACT_HELP,
            "message": "A few lines are plenty: what you would like help with and when you are usually free. "
            "Keep anything you would rather say in person for the consultation.",
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "name": {"required": "Please tell them what to call you."},
            "contact": {"required": CONTACT_ERROR},
            "message": {"required": "Please write a line or two so they know what you are looking for."},
        }

    share = forms.BooleanField(
        required=True,
        error_messages={"required": "Please tick this box to send the request: nothing is shared without it."},
    )

    def __init__(self, *args: object, therapist: Therapist, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.therapist = therapist
        self.fields["share"].label = (
            f"I agree to share with {therapist.name} the name, the contact details and the message I wrote above, "
            "and the date I send this request."
        )
        self.fields["share"].help_text = (
            "Only they can read it, in their Matchmaker inbox. Nothing else is shared: not your other answers, "
            "not your matches and not your private link."
        )

    def clean(self) -> dict[str, object]:
        cleaned: dict[str, object] = super().clean() or {}
        if not self.therapist.accepting_new_clients:
            raise ValidationError(
                f"{self.therapist.name} is not taking new clients at the moment, so this request was not sent.",
                code="not_accepting",
            )
        return cleaned

    def clean_contact(self) -> str:
        contact: str = self.cleaned_data["contact"].strip()
        if "@" in contact:
            try:
                validate_email(contact)
            except ValidationError:
                raise ValidationError(CONTACT_ERROR, code="invalid") from None
            return contact
        digits = sum(character.isdigit() for character in contact)
        if not PHONE_CHARACTERS.match(contact) or digits not in PHONE_DIGITS:
            raise ValidationError(CONTACT_ERROR, code="invalid")
        return contact


NOTIFICATION_SUBJECT = "New consultation request on Matchmaker"
NOTIFICATION_BODY = """Hello {name},

You have a new consultation request on Matchmaker. Log in to read it:

{inbox_url}

The Matchmaker team
"""


def open_request_to(*, client: Client, therapist: Therapist) -> ConsultationRequest | None:
    """The request from this link the therapist has not answered yet, if there is one."""
    return client.requests.filter(therapist=therapist, status=ConsultationRequest.Status.NEW).first()


def consultation_request_create(
    *, client: Client, therapist: Therapist, name: str, contact: str, message: str, share: bool, inbox_url: str
) -> ConsultationRequest:
    """Save a request to the therapist's inbox and tell them by email, if they have an address with us.

    The client's consent to share it is stored with it. While a request to the same therapist is still
    unanswered, that one is returned instead and nothing is saved or sent twice (a database constraint
    settles a race between two submits). The email says only that a request is waiting: no client
    details, no private link.
    """
    if not share:
        raise ValidationError("A request is only sent with the client's consent to share it.", code="no_consent")
    request = ConsultationRequest(
        client=client,
        therapist=therapist,
        name=name,
        contact=contact,
        message=message,
        shared_consent_at=timezone.now(),
    )
    request.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError:
        existing = open_request_to(client=client, therapist=therapist)
        if existing is None:
            raise
        return existing
    email = therapist.user.email if therapist.user else ""
    if email:
        body = NOTIFICATION_BODY.format(name=therapist.name, inbox_url=inbox_url)
        try:
            send_mail(NOTIFICATION_SUBJECT, body, None, [email])
        except (smtplib.SMTPException, OSError):
            # The request is saved either way; the therapist sees it in their inbox when they log in.
            logger.warning("Could not email therapist %s about a consultation request", therapist.pk)
    return request


def can_be_notified(therapist: Therapist) -> bool:
    return bool(therapist.user and therapist.user.email)


RATING_ERROR = "Please choose a number from 0 to 10."


def rating_field(question: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=question,
        choices=[(point, str(point)) for point in range(CheckIn.SCALE_MAX + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": RATING_ERROR, "invalid_choice": RATING_ERROR},
    )


class CheckInForm(forms.Form):
    """The four questions, each a choice from 0 to 10; check_in_create checks the row once more before saving."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, question in CheckIn.QUESTIONS:
            self.fields[name] = rating_field(question)

    def questions(self) -> list[forms.BoundField]:
        return [self[name] for name, _ in CheckIn.QUESTIONS]


def check_in_create(
    *, client: Client, therapist: Therapist, heard: int, goals: int, approach: int, overall: int
) -> CheckIn:
    """Save a client's one check-in about a therapist, then publish the averages again if a batch is complete.

    A second one about the same therapist is never saved: the first is returned instead,
    also when two submissions race each other.
    """
    earlier = CheckIn.objects.filter(client=client, therapist=therapist).first()
    if earlier is not None:
        return earlier
    check_in = CheckIn(client=client, therapist=therapist, heard=heard, goals=goals, approach=approach, overall=overall)
    check_in.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            check_in.save()
    except IntegrityError:
        return CheckIn.objects.get(client=client, therapist=therapist)
    check_ins_publish(therapist=therapist)
    return check_in


def check_ins_publish(*, therapist: Therapist) -> PublishedCheckIns | None:
    """Recompute the therapist's published check-in averages by the rule in matchmaker.aggregates.

    The one writer of PublishedCheckIns. It locks the therapist's row, so two check-ins
    arriving together are counted one after the other.
    """
    with transaction.atomic():
        Therapist.objects.select_for_update().filter(pk=therapist.pk).exists()
        row = PublishedCheckIns.objects.filter(therapist=therapist).first()
        first_request = (
            ConsultationRequest.objects.filter(client=OuterRef("client"), therapist=OuterRef("therapist"))
            .order_by("created_at")
            .values("created_at")[:1]
        )
        counted = [
            check_in
            for check_in in therapist.check_ins.annotate(requested_at=Subquery(first_request)).order_by("pk")
            if aggregates.counts(requested_at=check_in.requested_at, checked_in_at=check_in.created_at)  # type: ignore[attr-defined]
        ]
        current = None
        if row is not None:
            current = aggregates.Figure(means=tuple(Decimal(str(m)) for m in row.means), clients=row.clients)
        new = sum(1 for check_in in counted if row is None or check_in.pk > row.last_check_in)
        figure = aggregates.next_figure([check_in.answers() for check_in in counted], new=new, current=current)
        if figure is None or figure is current:
            return row
        row = row or PublishedCheckIns(therapist=therapist)
        row.means = [float(m) for m in figure.means]
        row.clients = figure.clients
        row.last_check_in = counted[-1].pk
        row.published_at = timezone.now()
        row.full_clean()
        row.save()
        return row


LOW = 6  # an answer of 6 or less is a low one


def review_anchor(field: str) -> str:
    """The section of the review page that holds a question, so a link can land right on it."""
    for step in STEPS:
        if field in (step.form_class._meta.fields or ()):
            return f"review-step-{step.number}"
    return ""


@dataclass(frozen=True)
class Hint:
    """Which part of the questionnaire to look at again, and why."""

    about: str
    text: str
    field: str  # the first question worth revisiting

    @property
    def anchor(self) -> str:
        return review_anchor(self.field) if self.field else ""


def _titles(*keys: str) -> str:
    return " and ".join(f"“{BY_KEY[key].title.lower()}”" for key in keys)


HINTS = {
    "heard": Hint(
        "Feeling heard",
        f"How a therapist listens and answers is shaped by {_titles('directness', 'responsiveness')}.",
        BY_KEY["directness"].point_field,
    ),
    "goals": Hint(
        "Working on what you wanted",
        f"“What brings you” says what you want to work on; {_titles('approach')} is what the work focuses on, "
        f"and {_titles('structure')} is who sets the direction.",
        "concerns",
    ),
    "approach": Hint(
        "The way they work",
        "Your answers on how you would like a therapist to work with you, especially the ones that matter most to you.",
        BY_KEY["directness"].point_field,
    ),
}
GENERAL_HINT = Hint(
    "Looking again",
    "Nothing in particular stood out, and that is fine: sometimes it is simply not the right fit. "
    "Looking over all your answers can still help.",
    "",
)


def check_in_hints(check_in: CheckIn) -> list[Hint]:
    """What to revisit, led by which answers were low."""
    hints = [hint for name, hint in HINTS.items() if getattr(check_in, name) <= LOW]
    return hints or [GENERAL_HINT]
