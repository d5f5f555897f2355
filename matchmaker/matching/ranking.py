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


def fit_sql(preferences: Preferences, vendor: str) -> tuple[str, list[object]]:
    """fit_expression written out as SQL over the Listing table's own columns, with its parameters.

    The results page ranks with this rather than through the ORM, which spent longer building the
    statement than PostgreSQL spent running it. The same operations in the same order as
    fit_expression (tests/test_ranking_sql_agrees_with_pure.py holds the three together):
    100 * (1 - (Σ weight × greatest(low - point, point - high, 0)) as a float / (SPAN × Σ weight)).
    """
    every_column = dict.fromkeys(preferences, 0)
    terms = weighted_terms(preferences, every_column)
    if not terms:
        return "%s", [100.0]
    greatest, as_float = ("MAX", "REAL") if vendor == "sqlite" else ("GREATEST", "DOUBLE PRECISION")
    gaps, params = [], []
    for key, point, _, weight in terms:
        low, high = key, BY_KEY[key].high_field  # column names as Django makes them: the field names
        gaps.append(f"(%s * {greatest}(({low} - %s), (%s - {high}), %s))")
        params += [weight, point, point, 0]
    total_weight = sum(weight for _, _, _, weight in terms)
    sql = f"(%s * (%s - (CAST(({' + '.join(gaps)}) AS {as_float}) / %s)))"
    return sql, [100.0, 1.0, *params, float(SPAN * total_weight)]
