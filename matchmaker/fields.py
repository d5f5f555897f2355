"""Model field and constraint helpers driven by the dimension registry.

The fields hold values only: their labels and help texts are wording, which the
forms and the admin take from the registry, so that editing the wording of a
scale never needs a migration.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from matchmaker.dimensions import IMPORTANCE_MAX, IMPORTANCE_MIN, SCALE_MAX, SCALE_MIN, get

POINT_CHOICES = [(point, str(point)) for point in range(SCALE_MIN, SCALE_MAX + 1)]
# Where "How much does this matter to you?" starts: "Quite a bit", so that a point a client
# chooses counts even when they move on without touching the question.
IMPORTANCE_DEFAULT = 2


def style_point_field(key: str, **kwargs: object) -> models.PositiveSmallIntegerField:
    """A point 1..7 on one dimension of the registry."""
    get(key)  # a key the registry does not know is a mistake in the model
    return models.PositiveSmallIntegerField(choices=POINT_CHOICES, **kwargs)  # type: ignore[arg-type]


def style_range_in_scale(key: str, name: str, *, widest: int) -> models.CheckConstraint:
    """Both ends unanswered, or low ≤ high within the scale and at most ``widest`` apart."""
    high = f"{key}_high"
    unanswered = models.Q(**{f"{key}__isnull": True, f"{high}__isnull": True})
    answered = (
        models.Q(**{f"{key}__isnull": False, f"{high}__isnull": False})
        & models.Q(**{f"{key}__gte": SCALE_MIN, f"{key}__lte": models.F(high)})
        & models.Q(**{f"{high}__lte": SCALE_MAX})
        & models.Q(**{f"{high}__lte": models.F(key) + widest})
    )
    return models.CheckConstraint(
        condition=unanswered | answered,
        name=name,
        violation_error_message=(
            f"Give both ends of the range, low end first, from {SCALE_MIN} to {SCALE_MAX} and at most {widest} apart "
            "(the same point twice for one point), or leave both empty."
        ),
    )


def style_note_field(key: str) -> models.CharField:
    get(key)
    return models.CharField(max_length=240, blank=True)


def importance_field(key: str) -> models.PositiveSmallIntegerField:
    get(key)
    return models.PositiveSmallIntegerField(
        default=IMPORTANCE_DEFAULT, validators=[MinValueValidator(IMPORTANCE_MIN), MaxValueValidator(IMPORTANCE_MAX)]
    )


def point_in_scale(field: str, name: str, *, nullable: bool = False) -> models.CheckConstraint:
    in_range = models.Q(**{f"{field}__gte": SCALE_MIN, f"{field}__lte": SCALE_MAX})
    if nullable:
        in_range |= models.Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=in_range, name=name)


def importance_in_scale(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__gte": IMPORTANCE_MIN, f"{field}__lte": IMPORTANCE_MAX}),
        name=name,
    )
