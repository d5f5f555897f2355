from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.urls import reverse

from matchmaker import vocabulary
from matchmaker.dimensions import DIMENSIONS
from matchmaker.fields import importance_field, importance_in_scale, point_in_scale, style_point_field
from matchmaker.scoring import Preferences

TOKEN_BYTES = 24  # 192 bits of randomness in every private link


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ClientQuerySet(models.QuerySet["Client"]):
    def get_by_token(self, token: str) -> Client:
        """The client behind a private link; raises Client.DoesNotExist for any other string."""
        return self.get(token_hash=hash_token(token))


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

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        constraints = [
            *(point_in_scale(d.point_field, f"client_{d.key}_point_in_scale", nullable=True) for d in DIMENSIONS),
            *(importance_in_scale(d.importance_field, f"client_{d.key}_importance_in_scale") for d in DIMENSIONS),
            models.CheckConstraint(
                condition=models.Q(session_format__in=["online", "in_person", "either"]),
                name="client_session_format_known",
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

    @staticmethod
    def url_for(token: str) -> str:
        return reverse("questionnaire:results", args=[token])
