"""The staff page "does fit predict how the first session felt?": the check-ins that follow a request.

The figures themselves come from matchmaker.evidence (plain statistics); this module gathers
plain rows, lays out the chart and writes the de-identified CSV.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from matchmaker import aggregates, evidence
from matchmaker.alliance import rules
from matchmaker.alliance.models import CheckIn, ConsultationRequest
from matchmaker.dimensions import BY_KEY, DIMENSION_KEYS

# Cells in the CSV that spreadsheets would run as formulas (see profiles.resources): text only ever
# comes from our own fixed words here, and numbers cannot be formulas, but the rule is kept all the same.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    """One check-in that follows a request, with no way back to the client or the therapist."""

    fit: float
    bond: int
    goals: int
    tasks: int
    again: str
    felt_right: bool
    gaps: dict[str, int]
    steps: dict[str, int]
    is_synthetic: bool

    @property
    def alliance(self) -> int:
        return rules.alliance_total({"bond": self.bond, "goals": self.goals, "tasks": self.tasks})


def rows() -> list[Row]:
    """Every check-in whose first request to that therapist stored a fit and counts by aggregates.counts
    (made a day or more before the check-in). Deleted clients are gone with their rows."""
    first = ConsultationRequest.objects.filter(
        client=OuterRef("client"), therapist=OuterRef("therapist"), fit_at_request__isnull=False
    ).order_by("created_at", "pk")
    check_ins = CheckIn.objects.annotate(
        requested_at=Subquery(first.values("created_at")[:1]),
        fit=Subquery(first.values("fit_at_request")[:1]),
        gaps=Subquery(first.values("gaps_at_request")[:1]),
    ).filter(fit__isnull=False)
    found = []
    for check_in in check_ins.order_by("pk"):
        if not aggregates.counts(requested_at=check_in.requested_at, checked_in_at=check_in.created_at):  # type: ignore[attr-defined]
            continue
        gaps = check_in.gaps  # type: ignore[attr-defined]
        found.append(
            Row(
                fit=float(check_in.fit),  # type: ignore[attr-defined]
                bond=check_in.bond,
                goals=check_in.goals,
                tasks=check_in.tasks,
                again=check_in.again,
                felt_right=check_in.felt_right,
                gaps={key: int(value) for key, value in (gaps or {}).items() if key in BY_KEY},
                steps={key: int(value) for key, value in check_in.style_steps.items() if key in BY_KEY},
                is_synthetic=check_in.is_synthetic,
            )
        )
    return found


@dataclass(frozen=True)
class ScaleEvidence:
    title: str
    n: int
    correlation: evidence.Correlation | None


@dataclass(frozen=True)
class BandBar:
    """One band of the chart, laid out in SVG user units (presentation attributes, no style)."""

    band: evidence.Band
    x: float
    alliance_y: float
    alliance_height: float
    not_right_y: float
    not_right_height: float

    @property
    def not_right_x(self) -> float:
        return self.x + BAR_WIDTH

    @property
    def not_right_percent(self) -> int | None:
        share = self.band.share_not_right
        return None if share is None else round(share * 100)


CHART_HEIGHT = 160.0  # the bars' full height
CHART_TOP = 10.0
BAND_WIDTH = 120.0
BAR_WIDTH = 40.0


def chart(summary: list[evidence.Band]) -> list[BandBar]:
    bars = []
    for index, band in enumerate(summary):
        alliance = (band.mean_alliance or 0.0) / rules.ALLIANCE_MAX * CHART_HEIGHT
        not_right = (band.share_not_right or 0.0) * CHART_HEIGHT
        bottom = CHART_TOP + CHART_HEIGHT
        bars.append(
            BandBar(
                band=band,
                x=40.0 + index * BAND_WIDTH,
                alliance_y=round(bottom - alliance, 1),
                alliance_height=round(alliance, 1),
                not_right_y=round(bottom - not_right, 1),
                not_right_height=round(not_right, 1),
            )
        )
    return bars


@dataclass(frozen=True)
class Evidence:
    n: int
    synthetic: int
    enough: bool
    correlation: evidence.Correlation | None
    bands: list[BandBar]
    scales: list[ScaleEvidence]


def build() -> Evidence:
    found = rows()
    fits = [row.fit for row in found]
    alliances = [float(row.alliance) for row in found]
    scales = []
    for key in DIMENSION_KEYS:
        with_gap = [row for row in found if key in row.gaps]
        scales.append(
            ScaleEvidence(
                title=BY_KEY[key].title,
                n=len(with_gap),
                correlation=evidence.correlation(
                    [float(row.gaps[key]) for row in with_gap], [float(row.alliance) for row in with_gap]
                ),
            )
        )
    return Evidence(
        n=len(found),
        synthetic=sum(1 for row in found if row.is_synthetic),
        enough=len(found) >= evidence.ENOUGH_CHECK_INS,
        correlation=evidence.correlation(fits, alliances),
        bands=chart(evidence.bands([(row.fit, float(row.alliance), row.felt_right) for row in found])),
        scales=scales,
    )


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float) or value is None:
        return "" if value is None else value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text() -> str:
    """The rows for research, de-identified: no client, no therapist, no dates, sorted so that the order
    says nothing about when anyone checked in."""
    header = [
        "fit_at_request",
        "bond",
        "goals",
        "tasks",
        "alliance_total",
        "would_go_back",
        "felt_right",
        *(f"gap_{key}" for key in DIMENSION_KEYS),
        *(f"came_across_{key}" for key in DIMENSION_KEYS),
        "is_synthetic",
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    lines = [
        [
            round(row.fit, 1),
            row.bond,
            row.goals,
            row.tasks,
            row.alliance,
            row.again,
            row.felt_right,
            *(row.gaps.get(key) for key in DIMENSION_KEYS),
            *(row.steps.get(key) for key in DIMENSION_KEYS),
            row.is_synthetic,
        ]
        for row in rows()
    ]
    lines.sort(key=lambda line: [str(value) for value in line])
    for line in lines:
        writer.writerow([_cell(value) for value in line])
    return out.getvalue()
