"""Model field and constraint helpers driven by the dimension registry."""

from __future__ import annotations

from django.db import models

from matchmaker.dimensions import IMPORTANCE_MAX, IMPORTANCE_MIN, SCALE_MAX, SCALE_MIN, get

POINT_CHOICES = [(point, str(point)) for point in range(SCALE_MIN, SCALE_MAX + 1)]


def style_point_field(key: str, **kwargs: object) -> models.PositiveSmallIntegerField:
    """A point 1..7 on one dimension, labelled from the registry."""
    dimension = get(key)
    kwargs.setdefault("help_text", f"1 = {dimension.short_low}, 7 = {dimension.short_high}")
    return models.PositiveSmallIntegerField(dimension.title, choices=POINT_CHOICES, **kwargs)  # type: ignore[arg-type]


def style_note_field(key: str) -> models.CharField:
    dimension = get(key)
    return models.CharField(f"{dimension.title}, in my own words", max_length=240, blank=True)


def importance_field(key: str) -> models.PositiveSmallIntegerField:
    dimension = get(key)
    return models.PositiveSmallIntegerField(f"How much “{dimension.title.lower()}” matters", default=0)


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
