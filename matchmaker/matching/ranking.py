"""The fit formula as a database expression, built from the dimension registry.

Mirrors ``matchmaker.scoring.fit_score`` operation for operation, so that the
database and Python produce the same floating-point score. Dimensions the
client did not weight are left out of the expression altogether.
"""

from __future__ import annotations

from django.db.models import Expression, F, FloatField, Value
from django.db.models.functions import Cast, Greatest

from matchmaker.dimensions import BY_KEY
from matchmaker.scoring import SPAN, Preferences, weighted_terms


def fit_expression(preferences: Preferences) -> Expression:
    # Any style will do to find out which dimensions count: they all have a column.
    every_column = dict.fromkeys(preferences, 0)
    terms = weighted_terms(preferences, every_column)
    if not terms:
        return Value(100.0, output_field=FloatField())
    total_weight = sum(weight for _, _, _, weight in terms)
    gap: Expression | None = None
    for key, point, _, weight in terms:
        # scoring.gap: the distance from the point to the range low..high, 0 inside it.
        low, high = F(key), F(BY_KEY[key].high_field)
        term = Value(weight) * Greatest(low - Value(point), Value(point) - high, Value(0))
        gap = term if gap is None else gap + term
    assert gap is not None
    share = Cast(gap, FloatField()) / Value(float(SPAN * total_weight), output_field=FloatField())
    return Value(100.0) * (Value(1.0) - share)
