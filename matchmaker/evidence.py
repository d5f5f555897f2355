"""Does fit at the time of contact go with a better first session? Plain statistics over plain numbers.

No Django, no database: the staff page hands in (fit, alliance) pairs and reads
back figures it can print. The correlation's 95% interval uses Fisher's z
transform, which is what a reader of psychotherapy research expects to see.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist, fmean

# Below this many check-ins the page says there is not enough yet: an interval
# from fewer pairs is too wide to tell anyone anything.
ENOUGH_CHECK_INS = 30
Z_95 = NormalDist().inv_cdf(0.975)  # 1.95996…


@dataclass(frozen=True)
class Correlation:
    n: int
    r: float
    low: float  # 95% confidence interval
    high: float


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when it is undefined (fewer than 2 pairs, or no spread in one of them)."""
    if len(xs) != len(ys):
        raise ValueError("xs and ys must be the same length")
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = fmean(xs), fmean(ys)
    dx = [x - mean_x for x in xs]
    dy = [y - mean_y for y in ys]
    sxx = math.fsum(d * d for d in dx)
    syy = math.fsum(d * d for d in dy)
    spread = math.sqrt(sxx) * math.sqrt(syy)  # two roots: their product cannot underflow to 0 as sxx·syy can
    if spread == 0:
        return None
    r = math.fsum(a * b for a, b in zip(dx, dy, strict=True)) / spread
    return max(-1.0, min(1.0, r))


def correlation(xs: Sequence[float], ys: Sequence[float]) -> Correlation | None:
    """r with its 95% interval; None when r is undefined or there are too few pairs for an interval (n ≤ 3)."""
    r = pearson(xs, ys)
    n = len(xs)
    if r is None or n <= 3:
        return None
    if abs(r) == 1.0:
        return Correlation(n, r, r, r)
    z = math.atanh(r)
    half = Z_95 / math.sqrt(n - 3)
    return Correlation(n, r, math.tanh(z - half), math.tanh(z + half))


@dataclass(frozen=True)
class Band:
    label: str
    low: float  # inclusive
    high: float  # exclusive, except the top band, which includes 100
    n: int
    mean_alliance: float | None
    share_not_right: float | None  # share of check-ins in the band that did not feel right


FIT_BANDS = (("under 60", 0.0, 60.0), ("60 to 80", 60.0, 80.0), ("80 and over", 80.0, 100.0))


def bands(rows: Sequence[tuple[float, float, bool]]) -> list[Band]:
    """(fit, alliance, felt right) rows summarised per fit band."""
    summary = []
    for index, (label, low, high) in enumerate(FIT_BANDS):
        top = index == len(FIT_BANDS) - 1
        inside = [row for row in rows if low <= row[0] < high or (top and row[0] == high)]
        n = len(inside)
        summary.append(
            Band(
                label=label,
                low=low,
                high=high,
                n=n,
                mean_alliance=fmean(row[1] for row in inside) if n else None,
                share_not_right=sum(1 for row in inside if not row[2]) / n if n else None,
            )
        )
    return summary
