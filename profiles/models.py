from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from matchmaker import aggregates, limits, vocabulary
from matchmaker.alliance import replies
from matchmaker.dimensions import DIMENSIONS
from matchmaker.fields import style_note_field, style_point_field, style_range_in_scale
from matchmaker.matching.ranking import fit_expression
from matchmaker.scoring import MAX_RANGE_WIDTH, Preferences, StyleValue


class Term(models.Model):
    """A fixed vocabulary item (state, language, ...), keyed by its code."""

    code = models.CharField(max_length=20, primary_key=True)
    name = models.CharField(max_length=100)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class State(Term):
    pass


class Language(Term):
    pass


class Concern(Term):
    pass


class InsurancePlan(Term):
    pass


class Modality(Term):
    class Meta(Term.Meta):
        verbose_name_plural = "modalities"


VOCABULARY: dict[type[Term], tuple[tuple[str, str], ...]] = {
    State: vocabulary.US_STATES,
    Language: vocabulary.LANGUAGES,
    Concern: vocabulary.CONCERNS,
    InsurancePlan: vocabulary.INSURANCE_PLANS,
    Modality: vocabulary.MODALITIES,
}


def sync_vocabulary() -> None:
    """Make the vocabulary tables hold exactly the lists in matchmaker.vocabulary."""
    for model, choices in VOCABULARY.items():
        for code, name in choices:
            model.objects.update_or_create(code=code, defaults={"name": name})


# A listing whose availability has not been confirmed for this long drops out of matching.
AVAILABILITY_FRESH_DAYS = 45
# Therapists are reminded to confirm this long after their last confirmation.
AVAILABILITY_REMINDER_DAYS = 30
# Check-in averages reach a therapist only once this many different clients have checked in,
# so that no single client's answers can be worked out from them (see matchmaker.aggregates).
CHECK_IN_MIN_CLIENTS = aggregates.MIN_CLIENTS


# Rows read for the "usually replies" line: its recent window, plus room for withdrawn and not-yet-due requests.
SPEED_ROWS = replies.SPEED_RECENT * 3


def style_of(row: object) -> dict[str, StyleValue]:
    """A therapist's or listing's style columns as scoring input; an unanswered scale is left out."""
    lows = [getattr(row, dimension.key) for dimension in DIMENSIONS]
    return style_from(lows, [getattr(row, dimension.high_field) for dimension in DIMENSIONS])


def style_from(lows: Sequence[int | None], highs: Sequence[int | None]) -> dict[str, StyleValue]:
    """Scoring input from the low and high ends of every scale, in registry order; an unanswered scale is left out."""
    style: dict[str, StyleValue] = {}
    for dimension, low, high in zip(DIMENSIONS, lows, highs, strict=True):
        if low is not None:
            style[dimension.key] = low if high is None or high == low else (low, high)
    return style


def fresh_since() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=AVAILABILITY_FRESH_DAYS)


class TherapistQuerySet(models.QuerySet["Therapist"]):
    def published(self) -> TherapistQuerySet:
        return self.filter(status=Therapist.Status.PUBLISHED)

    def fresh(self) -> TherapistQuerySet:
        """Availability confirmed within the last AVAILABILITY_FRESH_DAYS days."""
        return self.filter(availability_confirmed_at__gte=fresh_since())

    def stale(self) -> TherapistQuerySet:
        return self.filter(availability_confirmed_at__lt=fresh_since())

    def due_availability_reminder(self) -> TherapistQuerySet:
        """Published therapists with an email address, unconfirmed for AVAILABILITY_REMINDER_DAYS days or more,
        and not yet reminded since they last confirmed."""
        due = timezone.now() - datetime.timedelta(days=AVAILABILITY_REMINDER_DAYS)
        not_reminded = Q(availability_reminder_sent_at__isnull=True) | Q(
            availability_reminder_sent_at__lt=F("availability_confirmed_at")
        )
        return (
            self.published()
            .filter(availability_confirmed_at__lte=due, user__isnull=False, user__is_active=True)
            .exclude(user__email="")
            .filter(not_reminded)
        )

    def licensed_in(self, state: str) -> TherapistQuerySet:
        return self.filter(licensed_in_condition(state))


def licensed_in_condition(state: str) -> Exists:
    licences = Therapist.licensed_states.through.objects.filter(therapist=OuterRef("pk"), state=state)
    return Exists(licences)


class TherapistStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PENDING = "pending", "Pending verification"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"


class Therapist(models.Model):
    Status = TherapistStatus

    class Gender(models.TextChoices):
        WOMAN = "woman", "Woman"
        MAN = "man", "Man"
        NON_BINARY = "non_binary", "Non-binary"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="therapist"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    status_reason = models.TextField(blank=True, help_text="Why a profile was rejected; shown to the therapist.")
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Who they are
    name = models.CharField(max_length=120)
    pronouns = models.CharField(max_length=40, blank=True)
    credentials = models.CharField(max_length=80, blank=True, help_text="For example LCSW, PhD, LMFT")
    license_number = models.CharField(max_length=40, blank=True)
    licensed_states = models.ManyToManyField(State, blank=True, related_name="therapists")
    gender = models.CharField(max_length=12, choices=Gender.choices, blank=True)
    lgbtq_affirming = models.BooleanField("LGBTQ+-affirming", default=False)
    faith = models.CharField(max_length=12, choices=vocabulary.FAITHS, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ImageField(upload_to="therapists/", blank=True)

    # Practical details
    office_zip = models.CharField("Office ZIP code", max_length=5, blank=True)
    city = models.CharField("Office city", max_length=80, blank=True, help_text="Derived from the office ZIP code.")
    offers_online = models.BooleanField("Sees clients online", default=True)
    offers_in_person = models.BooleanField("Sees clients in person", default=False)
    languages = models.ManyToManyField(Language, blank=True, related_name="therapists")
    # No default: a new profile's fee starts empty, and is asked for before it can be submitted.
    fee = models.PositiveIntegerField("Fee per session (USD)", null=True, blank=True, validators=[limits.fee_at_most])
    sliding_scale = models.BooleanField("Offers a sliding scale", default=False)
    insurance_plans = models.ManyToManyField(InsurancePlan, blank=True, related_name="therapists")
    concerns = models.ManyToManyField(Concern, blank=True, related_name="therapists")
    modalities = models.ManyToManyField(Modality, blank=True, related_name="therapists")
    accepting_new_clients = models.BooleanField(default=True)
    availability_confirmed_at = models.DateTimeField(default=timezone.now, db_index=True)
    availability_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Set when requests went unanswered too long (see matchmaker.alliance.replies); accepting is switched off
    # with it, and switching it on again is how the therapist comes back.
    requests_paused_at = models.DateTimeField(null=True, blank=True)
    # When they last came back from such a pause: only requests after it count towards the next one.
    requests_resumed_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Made up by seed_demo or seed_directory, for demos and benchmarks: no real person stands behind it.
    is_synthetic = models.BooleanField("Synthetic (demo data)", default=False)
    # When the therapist last saved the style step: a profile whose points are all in the middle may
    # still be a considered answer, so "answered" cannot be read from the points themselves.
    style_saved_at = models.DateTimeField(null=True, blank=True)

    # Style: where they stand on each dimension of the registry.
    # NULL until the therapist answers. A range ("usually 3 to 5, it depends on the client")
    # is held as its low end here and its high end in <key>_high; a single point has both equal.
    directness = style_point_field("directness", null=True, blank=True)
    responsiveness = style_point_field("responsiveness", null=True, blank=True)
    approach = style_point_field("approach", null=True, blank=True)
    structure = style_point_field("structure", null=True, blank=True)
    challenge = style_point_field("challenge", null=True, blank=True)
    intensity = style_point_field("intensity", null=True, blank=True)
    directness_high = style_point_field("directness", null=True, blank=True)
    responsiveness_high = style_point_field("responsiveness", null=True, blank=True)
    approach_high = style_point_field("approach", null=True, blank=True)
    structure_high = style_point_field("structure", null=True, blank=True)
    challenge_high = style_point_field("challenge", null=True, blank=True)
    intensity_high = style_point_field("intensity", null=True, blank=True)

    # Optional sentence per dimension, "in my own words", shown on the profile.
    directness_note = style_note_field("directness")
    responsiveness_note = style_note_field("responsiveness")
    approach_note = style_note_field("approach")
    structure_note = style_note_field("structure")
    challenge_note = style_note_field("challenge")
    intensity_note = style_note_field("intensity")

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TherapistQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            *(
                style_range_in_scale(d.key, f"therapist_{d.key}_range_in_scale", widest=MAX_RANGE_WIDTH)
                for d in DIMENSIONS
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=TherapistStatus.values),
                name="therapist_status_known",
            ),
            models.CheckConstraint(condition=models.Q(fee__lte=limits.MAX_FEE), name="therapist_fee_at_most_max"),
            # Clients filter on the fee, so a listed profile always has one.
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(fee__isnull=False),
                name="therapist_published_has_a_fee",
                violation_error_message="A published profile needs a fee per session.",
            ),
            models.CheckConstraint(
                condition=models.Q(birth_year__isnull=True) | models.Q(birth_year__gte=limits.OLDEST_BIRTH_YEAR),
                name="therapist_birth_year_not_too_early",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("questionnaire:therapist", args=[self.pk])

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        # The birth year's upper end moves with the calendar, so it is checked here rather than by a
        # field validator; like one, it is skipped for a form without the field, and once per value.
        errors: dict[str, Any] = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "birth_year" not in errors and "birth_year" not in (exclude or ()):
            try:
                limits.validate_birth_year(self.birth_year)
            except ValidationError as error:
                errors["birth_year"] = error.error_list
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def availability_is_fresh(self) -> bool:
        return self.availability_confirmed_at >= fresh_since()

    def style(self) -> dict[str, StyleValue]:
        """This therapist as input for the scoring module: a point, or (low, high) for a range."""
        return style_of(self)

    @property
    def initials(self) -> str:
        parts = [part for part in self.name.replace("Dr.", "").split() if part[:1].isalpha()]
        return "".join(part[0].upper() for part in parts[:2]) or "?"

    # --- Availability as therapists and clients read it ---

    @property
    def availability_age_days(self) -> int:
        """Whole days since the therapist last confirmed their availability."""
        return max((timezone.now() - self.availability_confirmed_at).days, 0)

    @property
    def availability_label(self) -> str:
        """For profile pages and result cards: "availability confirmed 3 days ago"."""
        if not self.availability_is_fresh:
            return "availability not confirmed recently"
        days = self.availability_age_days
        if days == 0:
            return "availability confirmed today"
        if days == 1:
            return "availability confirmed yesterday"
        return f"availability confirmed {days} days ago"

    # --- What the therapist still has to do ---

    @property
    def style_answered(self) -> bool:
        """Whether the therapist has actively answered every style scale."""
        return self.style_saved_at is not None and all(getattr(self, d.key) is not None for d in DIMENSIONS)

    def missing_for_submission(self) -> list[str]:
        """What is still needed before the profile can be submitted for verification, in plain words."""
        missing = []
        if not self.name.strip():
            missing.append("your name")
        if not self.license_number.strip():
            missing.append("your license number")
        if self.pk is None or not self.licensed_states.exists():
            missing.append("at least one state where you are licensed")
        if not self.bio.strip():
            missing.append("a short bio")
        if not self.offers_online and not self.offers_in_person:
            missing.append("how you see clients: online, in person or both")
        if self.offers_in_person and not self.office_zip:
            missing.append("the ZIP code of your office")
        if self.fee is None:
            missing.append("your fee per session")
        if not self.style_answered:
            missing.append("your answers to the six questions about how you work")
        return missing

    # --- Answering the people who write ---

    def sent_requests(self, *, recent: int | None = None) -> list[replies.Sent]:
        """The requests sent to this therapist as the reply rules read them, newest first."""
        rows = self.requests.order_by("-created_at").values_list(  # type: ignore[attr-defined]
            "created_at", "first_reply_at", "closed_by", "closed_at"
        )
        return [
            replies.Sent(
                created_at=created,
                first_reply_at=answered,
                withdrawn=replies.is_withdrawn(
                    created_at=created, first_reply_at=answered, closed_by=closed_by, closed_at=closed_at
                ),
            )
            for created, answered, closed_by, closed_at in (rows[:recent] if recent else rows)
        ]

    def reply_speed(self) -> str | None:
        """ "usually replies within a day", "… within 3 days", or None (see matchmaker.alliance.replies)."""
        return replies.reply_speed(self.sent_requests(recent=SPEED_ROWS), timezone.now())

    @property
    def requests_paused(self) -> bool:
        return self.requests_paused_at is not None

    # --- Check-ins, only ever as averages ---

    def check_in_averages(self) -> list[tuple[str, float]] | None:
        """The published mean answer to each check-in question, or None while none is published.

        Published in batches by questionnaire.reaching_out.check_ins_publish, so that no
        one client's answers can be worked out from them.
        """
        try:
            published = self.published_check_ins  # type: ignore[attr-defined]
        except ObjectDoesNotExist:
            return None
        questions = self.check_ins.model.QUESTIONS
        if len(published.means) != len(questions):
            return None  # published for other questions than today's
        return [(text, float(mean)) for (_name, text), mean in zip(questions, published.means, strict=True)]


# The therapist's own columns a listing copies and filters on; the style points are copied too.
LISTING_FILTER_FIELDS = (
    "accepting_new_clients",
    "availability_confirmed_at",
    "offers_online",
    "offers_in_person",
    "fee",
    "sliding_scale",
    "gender",
    "lgbtq_affirming",
    "faith",
    "birth_year",
)


class ListingQuerySet(models.QuerySet["Listing"]):
    def ranked(self, preferences: Preferences) -> ListingQuerySet:
        """Best fit first, equal scores by therapist id: the same order as scoring.rank."""
        return self.annotate(fit=fit_expression(preferences)).order_by("-fit", "therapist_id")


class Listing(models.Model):
    """A published therapist as the ranking sees them in one state where they are licensed.

    A derived search table, rebuilt from Therapist by matchmaker.matching.search_table
    (``listing_sync``) whenever a write path changes a therapist: one narrow row per
    (therapist, licensed state), holding every column that matching filters on or scores,
    so that a results page reads one state's rows through one index instead of joining
    the whole directory.
    Many-to-many needs (languages, insurance, concerns) are stored as bitmasks over
    the lists in matchmaker.vocabulary.
    """

    therapist = models.ForeignKey(Therapist, on_delete=models.CASCADE, related_name="listings")
    state = models.CharField(max_length=2)
    # The one listing per therapist used when a question is not about a state (e.g. counting the directory).
    primary = models.BooleanField(default=False)

    accepting_new_clients = models.BooleanField()
    availability_confirmed_at = models.DateTimeField()
    offers_online = models.BooleanField()
    offers_in_person = models.BooleanField()
    # The centroid of the office's ZIP code; null when the therapist has no in-person office.
    office_latitude = models.FloatField(null=True)
    office_longitude = models.FloatField(null=True)
    fee = models.PositiveIntegerField()
    sliding_scale = models.BooleanField()
    gender = models.CharField(max_length=12, blank=True)
    lgbtq_affirming = models.BooleanField()
    faith = models.CharField(max_length=12, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True)
    languages_mask = models.BigIntegerField(default=0)
    insurance_mask = models.BigIntegerField(default=0)
    concerns_mask = models.BigIntegerField(default=0)

    directness = models.PositiveSmallIntegerField()
    responsiveness = models.PositiveSmallIntegerField()
    approach = models.PositiveSmallIntegerField()
    structure = models.PositiveSmallIntegerField()
    challenge = models.PositiveSmallIntegerField()
    intensity = models.PositiveSmallIntegerField()
    directness_high = models.PositiveSmallIntegerField()
    responsiveness_high = models.PositiveSmallIntegerField()
    approach_high = models.PositiveSmallIntegerField()
    structure_high = models.PositiveSmallIntegerField()
    challenge_high = models.PositiveSmallIntegerField()
    intensity_high = models.PositiveSmallIntegerField()

    objects = ListingQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["therapist", "state"], name="listing_once_per_state")]
        indexes = [
            # Every client filters on their state; the included columns let PostgreSQL answer
            # the counts and the ranking from the index alone (an index-only scan).
            models.Index(
                fields=["state"],
                name="listing_state_covering",
                include=[
                    "id",
                    "therapist",
                    *LISTING_FILTER_FIELDS,
                    "languages_mask",
                    "insurance_mask",
                    "concerns_mask",
                    "office_latitude",
                    "office_longitude",
                    *(d.key for d in DIMENSIONS),
                    *(d.high_field for d in DIMENSIONS),
                ],
            ),
            models.Index(fields=["primary"], name="listing_primary", condition=Q(primary=True)),
        ]

    def __str__(self) -> str:
        return f"{self.therapist_id} in {self.state}"

    def style(self) -> dict[str, StyleValue]:
        """This listing as input for the scoring module, like Therapist.style."""
        return style_of(self)
