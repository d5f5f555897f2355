"""Style as clients experience it, as the therapist and clients read it: published figures only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from matchmaker import aggregates, scoring
from matchmaker.alliance import rules
from matchmaker.dimensions import BY_KEY, DIMENSION_KEYS


@dataclass(frozen=True)
class Experienced:
    key: str
    title: str
    mean: float
    clients: int
    own: tuple[int, int]
    sentence: str  # for the therapist, next to their self-rating
    described: str  # for clients: "leaning direct"

    @property
    def own_text(self) -> str:
        low, high = self.own
        return str(low) if low == high else f"{low} to {high}"


def experienced_style(therapist: Any) -> list[Experienced]:
    """The published experienced positions of a therapist from MIN_CLIENTS clients on, in the registry's order.

    therapist is a profiles.Therapist (not imported: this package imports neither side)."""
    rows = {row.key: row for row in therapist.experienced_style.filter(clients__gte=aggregates.MIN_CLIENTS)}
    style = therapist.style()
    shown = []
    for key in DIMENSION_KEYS:
        row = rows.get(key)
        if row is None or style.get(key) is None:
            continue
        own = scoring.as_range(style[key])
        nearest = int(Decimal(str(row.mean)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        shown.append(
            Experienced(
                key=key,
                title=BY_KEY[key].title,
                mean=row.mean,
                clients=row.clients,
                own=own,
                sentence=rules.experienced_sentence(key, row.mean, own),
                described=scoring.describe_point(key, nearest),
            )
        )
    return shown
