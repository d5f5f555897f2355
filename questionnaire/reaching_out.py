"""Reaching out to a therapist and checking in after a first session: forms and the writes behind them."""

from __future__ import annotations

import copy
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

from matchmaker import aggregates, scoring
from matchmaker.alliance import rules
from matchmaker.alliance.conversations import message_send
from matchmaker.alliance.models import CheckIn, ConsultationRequest, ExperiencedStyle, Message, PublishedCheckIns, Side
from matchmaker.dimensions import BY_KEY, DIMENSION_KEYS
from profiles.models import Therapist
from questionnaire.forms import STEPS
from questionnaire.models import Client

logger = logging.getLogger(__name__)

CONTACT_HELP = (
    "Optional. An email address or a phone number, if you would like them to use it. Without one, you talk "
    "here: their answers appear under your private link."
)
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
            f"I agree to share with {therapist.name} the name, the contact details (if I gave any) and the message "
            "I wrote above, the date I send this request, and the messages I write to them here later."
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
        if not contact:
            return ""
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
    """The conversation from this link with the therapist that is still open, if there is one."""
    return client.requests.filter(therapist=therapist).exclude(status=ConsultationRequest.Status.CLOSED).first()


def fit_now(*, client: Client, therapist: Therapist) -> dict[str, object]:
    """The fit score and the distance on each weighted scale, as a request stores them for the evidence page."""
    preferences, style = client.preferences(), therapist.style()
    return {
        "fit_at_request": scoring.fit_score(preferences, style),
        "gaps_at_request": {
            key: scoring.gap(point, stands)
            for key, point, stands, _weight in scoring.weighted_terms(preferences, style)
        },
    }


def what_was_asked(client: Client) -> dict[str, object]:
    """The client's asks a request keeps, coarse, so curators can see whether some go unanswered more often."""
    return {
        "asked_state": client.state,
        "asked_format": client.session_format,
        "asked_sliding_scale": client.needs_sliding_scale,
        "asked_insurance": bool(client.insurance),
        "asked_language": any(code != "en" for code in client.languages),
    }


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
        therapist_name=therapist.name,
        **what_was_asked(client),
        name=name,
        contact=contact,
        message=message,
        shared_consent_at=timezone.now(),
        **fit_now(client=client, therapist=therapist),
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


def can_be_notified(therapist: Therapist | None) -> bool:
    return bool(therapist and therapist.user and therapist.user.email)


MESSAGE_NOTICE_SUBJECT = "A new message on Matchmaker"
MESSAGE_NOTICE_BODY = """Hello {name},

Someone you are in conversation with on Matchmaker has written again. Log in to read it:

{inbox_url}

The Matchmaker team
"""


def client_message_send(*, sent: ConsultationRequest, body: str, inbox_url: str) -> Message:
    """The client writes in their conversation; the therapist is told by email, with no client details.

    One email for each turn: a client who writes three times before the therapist answers sends no more notices
    than one.
    """
    earlier = sent.messages.order_by("-created_at", "-pk").values_list("sender", flat=True).first()
    message = message_send(request=sent, sender=Side.CLIENT, body=body)
    # The notice of the request itself, or of an earlier message since the therapist last wrote, still stands.
    already_told = earlier == Side.CLIENT or (earlier is None and sent.first_reply_at is None)
    therapist = sent.therapist
    if not already_told and therapist is not None and can_be_notified(therapist):
        body_text = MESSAGE_NOTICE_BODY.format(name=therapist.name, inbox_url=inbox_url)
        try:
            send_mail(MESSAGE_NOTICE_SUBJECT, body_text, None, [therapist.user.email])  # type: ignore[union-attr]
        except (smtplib.SMTPException, OSError):
            logger.warning("Could not email therapist %s about a message", therapist.pk)
    return message


ANSWER_ERROR = "Please choose one of the answers."
STYLE_QUESTION = "Compared with what you wanted, they were …"


def weighted_keys(client: Client) -> list[str]:
    """The style scales the client gave a point and some importance, in the registry's order."""
    return [key for key, (point, importance) in client.preferences().items() if point is not None and importance > 0]


def answer_field(label: str, choices: object) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": ANSWER_ERROR, "invalid_choice": ANSWER_ERROR},
    )


class CheckInForm(forms.Form):
    """Our three alliance questions, "would you go back?", and one question per style scale the client weighted."""

    again = forms.ChoiceField(
        label="Would you go back to them?",
        choices=rules.AGAIN,
        widget=forms.RadioSelect,
        error_messages={"required": ANSWER_ERROR, "invalid_choice": ANSWER_ERROR},
    )

    def __init__(self, *args: object, client: Client, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for question in rules.ALLIANCE_QUESTIONS:
            self.fields[question.key] = answer_field(question.text, rules.ANSWERS)
        self.style_keys = weighted_keys(client)
        for key in self.style_keys:
            field = answer_field(BY_KEY[key].title, rules.style_answer_choices(key))
            field.help_text = STYLE_QUESTION
            self.fields[f"style_{key}"] = field
        self.order_fields([*rules.ALLIANCE_KEYS, "again"])

    def questions(self) -> list[forms.BoundField]:
        return [self[key] for key in rules.ALLIANCE_KEYS]

    def style_questions(self) -> list[forms.BoundField]:
        return [self[f"style_{key}"] for key in self.style_keys]

    def answers(self) -> dict[str, object]:
        """The cleaned answers as check_in_create takes them."""
        data = self.cleaned_data
        return {
            **{key: data[key] for key in rules.ALLIANCE_KEYS},
            "again": data["again"],
            "style_steps": {key: data[f"style_{key}"] for key in self.style_keys},
        }


def check_in_create(
    *,
    client: Client,
    therapist: Therapist,
    bond: int,
    goals: int,
    tasks: int,
    again: str,
    style_steps: dict[str, int],
    is_synthetic: bool = False,
) -> CheckIn:
    """Save a client's one check-in about a therapist, then publish the figures again where a batch is complete.

    The client's point on each scale they answered is kept with it, so what they found can later be read
    as where they experienced the therapist. A second one about the same therapist is never saved: the
    first is returned instead, also when two submissions race each other.
    """
    earlier = CheckIn.objects.filter(client=client, therapist=therapist).first()
    if earlier is not None:
        return earlier
    answers = {"bond": bond, "goals": goals, "tasks": tasks}
    points = {key: point for key, (point, _importance) in client.preferences().items() if point is not None}
    steps = {key: step for key, step in style_steps.items() if key in points}
    check_in = CheckIn(
        client=client,
        therapist=therapist,
        **answers,
        again=again,
        felt_right=rules.felt_right(answers, again),
        style_steps=steps,
        wanted={key: points[key] for key in steps},
        is_synthetic=is_synthetic,
    )
    check_in.full_clean(validate_constraints=False)
    if any(step not in rules.STYLE_STEPS for step in steps.values()):
        raise ValidationError("A style answer is outside the scale.", code="invalid")
    try:
        with transaction.atomic():
            check_in.save()
    except IntegrityError:
        return CheckIn.objects.get(client=client, therapist=therapist)
    check_ins_publish(therapist=therapist)
    experienced_style_publish(therapist=therapist)
    return check_in


def counted_check_ins(therapist: Therapist) -> list[CheckIn]:
    """The therapist's check-ins that count for published figures (see aggregates.counts), oldest first."""
    first_request = (
        ConsultationRequest.objects.filter(client=OuterRef("client"), therapist=OuterRef("therapist"))
        .order_by("created_at")
        .values("created_at")[:1]
    )
    return [
        check_in
        for check_in in therapist.check_ins.annotate(requested_at=Subquery(first_request)).order_by("pk")
        if aggregates.counts(requested_at=check_in.requested_at, checked_in_at=check_in.created_at)  # type: ignore[attr-defined]
    ]


def check_ins_publish(*, therapist: Therapist) -> PublishedCheckIns | None:
    """Recompute the therapist's published check-in averages by the rule in matchmaker.aggregates.

    The one writer of PublishedCheckIns. It locks the therapist's row, so two check-ins
    arriving together are counted one after the other.
    """
    with transaction.atomic():
        Therapist.objects.select_for_update().filter(pk=therapist.pk).exists()
        row = PublishedCheckIns.objects.filter(therapist=therapist).first()
        counted = counted_check_ins(therapist)
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


def experienced_style_publish(*, therapist: Therapist) -> list[ExperiencedStyle]:
    """Recompute where clients experience the therapist on each scale, by aggregates.next_position.

    The one writer of ExperiencedStyle; it locks the therapist's row like check_ins_publish.
    """
    with transaction.atomic():
        Therapist.objects.select_for_update().filter(pk=therapist.pk).exists()
        rows = {row.key: row for row in ExperiencedStyle.objects.filter(therapist=therapist)}
        experienced = [(check_in.pk, check_in.experienced()) for check_in in counted_check_ins(therapist)]
        published = []
        for key in DIMENSION_KEYS:
            answered = [(pk, points[key]) for pk, points in experienced if key in points]
            row = rows.get(key)
            current = None if row is None else aggregates.Position(Decimal(str(row.mean)), row.clients)
            new = sum(1 for pk, _point in answered if row is None or pk > row.last_check_in)
            position = aggregates.next_position([point for _pk, point in answered], new=new, current=current)
            if position is not None and position is not current:
                row = row or ExperiencedStyle(therapist=therapist, key=key)
                row.mean = float(position.mean)
                row.clients = position.clients
                row.last_check_in = answered[-1][0]
                row.published_at = timezone.now()
                row.full_clean()
                row.save()
            if row is not None:
                published.append(row)
        return published


LOW = 1  # "hardly" or "not at all" is a low answer (see rules.felt_right)


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
    "bond": Hint(
        "Being yourself with them",
        f"How a therapist listens and answers is shaped by {_titles('directness', 'responsiveness')}.",
        BY_KEY["directness"].point_field,
    ),
    "goals": Hint(
        "What therapy is for",
        f"“What brings you” says what you want to work on; {_titles('approach')} is what the work focuses on, "
        f"and {_titles('structure')} is who sets the direction.",
        "concerns",
    ),
    "tasks": Hint(
        "How you work together",
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


def check_in_proposal(check_in: CheckIn, client: Client) -> rules.Proposal | None:
    """The change to the client's answers this check-in suggests, while the client's point is still the one
    they had when checking in (once they have moved it, by this proposal or by hand, nothing is proposed)."""
    proposal = rules.propose_change(check_in.wanted, check_in.style_steps)
    if proposal is None or getattr(client, BY_KEY[proposal.key].point_field) != proposal.current:
        return None
    return proposal


def with_proposal(client: Client, proposal: rules.Proposal) -> Client:
    """A copy of the client with the proposed point, never saved: for showing what the change would do."""
    changed = copy.copy(client)
    setattr(changed, BY_KEY[proposal.key].point_field, proposal.proposed)
    return changed


def proposal_apply(*, client: Client, proposal: rules.Proposal) -> None:
    """Move the client's point on one scale as the proposal says."""
    field = BY_KEY[proposal.key].point_field
    setattr(client, field, proposal.proposed)
    client.full_clean()
    client.save(update_fields=[field, "updated_at"])


class ApplyChangeForm(forms.Form):
    """Confirms the one proposal shown; a stale page (the point has moved since) is refused."""

    key = forms.CharField(widget=forms.HiddenInput)
    proposed = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: object, proposal: rules.Proposal | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.proposal = proposal
        if proposal is not None and not self.is_bound:
            self.initial = {"key": proposal.key, "proposed": proposal.proposed}

    def clean(self) -> dict[str, object]:
        cleaned: dict[str, object] = super().clean() or {}
        proposal = self.proposal
        if proposal is None or cleaned.get("key") != proposal.key or cleaned.get("proposed") != proposal.proposed:
            raise ValidationError("Your answers have changed since this was suggested.", code="stale")
        return cleaned
