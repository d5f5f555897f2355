from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db import models
from django.urls import reverse
from django.utils import timezone

from matchmaker import geo, limits, vocabulary
from matchmaker.compiled_once import instances
from matchmaker.dimensions import DIMENSIONS
from matchmaker.fields import importance_field, importance_in_scale, point_in_scale, style_point_field
from matchmaker.scoring import Preferences

TOKEN_BYTES = 24  # 192 bits of randomness in every private link
# A link nobody has opened or changed for this long is deleted with everything behind it.
KEEP_UNTOUCHED_FOR = timedelta(days=365)
# A visit is written down at most this often, so reading a page rarely costs a write.
SEEN_EVERY = timedelta(days=1)
# How far a client would travel to an in-person session, in miles.
DISTANCES = (5, 10, 25, 50)
DEFAULT_DISTANCE = 25
DISTANCE_CHOICES = [(miles, f"{miles} miles") for miles in DISTANCES]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ClientQuerySet(models.QuerySet["Client"]):
    def get_by_token(self, token: str) -> Client:
        """The client behind a private link; raises Client.DoesNotExist for any other string."""
        if self.query.has_filters():
            return self.get(token_hash=hash_token(token))
        # Every page behind a private link starts here: a statement compiled once (matchmaker.compiled_once).
        found = instances(Client, "token_hash", [hash_token(token)], using=self.db)
        if not found:
            raise Client.DoesNotExist("No client has this link.")
        return found[0]

    def untouched_since(self, cutoff: datetime) -> ClientQuerySet:
        """Links neither opened nor changed after `cutoff`."""
        return self.filter(last_seen_at__lt=cutoff, updated_at__lt=cutoff)

    def stale(self, *, now: datetime | None = None) -> ClientQuerySet:
        """Links untouched for KEEP_UNTOUCHED_FOR, due to be deleted."""
        return self.untouched_since((now or timezone.now()) - KEEP_UNTOUCHED_FOR)


class Client(models.Model):
    """A person looking for a therapist, known only by their private link.

    The link's token is never stored, only its SHA-256: a copy of the database
    alone does not let anyone open a client's page.
    """

    class SessionFormat(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in_person", "In person"
        EITHER = "either", "Either is fine"

    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    state = models.CharField("State you live in", max_length=2, choices=vocabulary.US_STATES, blank=True)
    session_format = models.CharField(
        "How you would like to meet", max_length=10, choices=SessionFormat.choices, default=SessionFormat.EITHER
    )
    # Where in-person sessions should be near; asked only of clients who would meet in person.
    zip_code = models.CharField("Your ZIP code", max_length=5, blank=True)
    max_distance = models.PositiveSmallIntegerField(
        "How far you would travel", choices=DISTANCE_CHOICES, default=DEFAULT_DISTANCE
    )

    languages = models.JSONField("Languages you would like sessions in", default=list, blank=True)
    max_fee = models.PositiveIntegerField(
        "Most you can pay per session (USD)",
        null=True,
        blank=True,
        validators=[limits.max_fee_at_least, limits.max_fee_at_most],
    )
    needs_sliding_scale = models.BooleanField("I need a sliding scale", default=False)
    insurance = models.CharField(
        "Insurance you would like to use", max_length=20, choices=vocabulary.INSURANCE_PLANS, blank=True
    )
    concerns = models.JSONField("What brings you", default=list, blank=True)
    therapist_gender = models.CharField(max_length=12, choices=vocabulary.GENDERS, blank=True)
    wants_lgbtq_affirming = models.BooleanField("LGBTQ+-affirming", default=False)
    therapist_faith = models.CharField(max_length=12, choices=vocabulary.FAITHS, blank=True)
    therapist_age_range = models.CharField(
        max_length=10, choices=[(code, label) for code, label, _, _ in vocabulary.AGE_RANGES], blank=True
    )

    # Questionnaire progress: the furthest step saved, and when the review was confirmed.
    furthest_step = models.PositiveSmallIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)

    directness_point = style_point_field("directness", null=True, blank=True)
    directness_importance = importance_field("directness")
    responsiveness_point = style_point_field("responsiveness", null=True, blank=True)
    responsiveness_importance = importance_field("responsiveness")
    approach_point = style_point_field("approach", null=True, blank=True)
    approach_importance = importance_field("approach")
    structure_point = style_point_field("structure", null=True, blank=True)
    structure_importance = importance_field("structure")
    challenge_point = style_point_field("challenge", null=True, blank=True)
    challenge_importance = importance_field("challenge")
    intensity_point = style_point_field("intensity", null=True, blank=True)
    intensity_importance = importance_field("intensity")

    consented_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the client agreed that we keep their answers."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_seen_at = models.DateTimeField(
        default=timezone.now, editable=False, help_text="The last day the private link was opened."
    )
    # Made up by seed_demo: answers no real person gave.
    is_synthetic = models.BooleanField("Synthetic (demo data)", default=False, editable=False)

    objects = ClientQuerySet.as_manager()

    class Meta:
        constraints = [
            *(point_in_scale(d.point_field, f"client_{d.key}_point_in_scale", nullable=True) for d in DIMENSIONS),
            *(importance_in_scale(d.importance_field, f"client_{d.key}_importance_in_scale") for d in DIMENSIONS),
            models.CheckConstraint(
                condition=models.Q(session_format__in=["online", "in_person", "either"]),
                name="client_session_format_known",
            ),
            models.CheckConstraint(condition=models.Q(max_distance__in=DISTANCES), name="client_max_distance_known"),
            models.CheckConstraint(
                condition=models.Q(max_fee__isnull=True) | models.Q(max_fee__lte=limits.MAX_FEE),
                name="client_max_fee_at_most_max",
            ),
        ]

    def __str__(self) -> str:
        return f"Client {self.pk}"

    @classmethod
    def create_with_token(cls, **fields: object) -> tuple[Client, str]:
        """A new client and the token for their private link, which is shown once and never stored."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        client = cls(token_hash=hash_token(token), **fields)
        client.full_clean()
        client.save()
        return client, token

    def preferences(self) -> Preferences:
        """This client's answers as input for the scoring module."""
        return {d.key: (getattr(self, d.point_field), getattr(self, d.importance_field)) for d in DIMENSIONS}

    @property
    def wants_in_person(self) -> bool:
        return self.session_format in (self.SessionFormat.IN_PERSON, self.SessionFormat.EITHER)

    def home(self) -> geo.Place | None:
        """Where this client's ZIP code is, when they would meet in person and gave one we know."""
        return geo.place(self.zip_code) if self.wants_in_person and self.zip_code else None

    def seen(self, *, now: datetime | None = None) -> None:
        """Note that the link was opened, unless that was already noted within SEEN_EVERY."""
        now = now or timezone.now()
        if self.last_seen_at <= now - SEEN_EVERY:
            Client.objects.filter(pk=self.pk).update(last_seen_at=now)
            self.last_seen_at = now

    @staticmethod
    def url_for(token: str) -> str:
        return reverse("questionnaire:results", args=[token])


class ShortlistEntry(models.Model):
    MAX_PER_CLIENT = 5

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="shortlist")
    therapist = models.ForeignKey("profiles.Therapist", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["client", "therapist"], name="shortlist_once_per_therapist")]

    def __str__(self) -> str:
        return f"{self.therapist} on a shortlist"


class SetAside(models.Model):
    """A therapist the client chose to leave out of their matches, for example after a first session."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="set_aside")
    therapist = models.ForeignKey("profiles.Therapist", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "therapist"], name="set_aside_once_per_therapist")]

    def __str__(self) -> str:
        return f"{self.therapist} set aside"
