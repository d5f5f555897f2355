"""Where the directory is thin: therapists' styles next to what clients ask for.

Everything here is counted by the database (values + annotate Count); no client's
answers ever leave it one by one. Only clients who finished the questionnaire
count, and only the dimensions they weighted (a preferred point and importance > 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from django.db.models import Case, CharField, Count, Q, QuerySet, Value, When

from matchmaker import vocabulary
from matchmaker.dimensions import DIMENSIONS, SCALE, SCALE_MAX, SCALE_MIDDLE, SCALE_MIN, Dimension
from profiles.models import Therapist
from questionnaire.models import Client

# A pair of dimensions counts as a client's combination when both matter at least "quite a bit".
COMBINATION_IMPORTANCE = 2
# How many of the most common combinations the page lists.
COMBINATIONS_SHOWN = 8
# Fewer therapists than this for a combination and it is flagged as thin.
THIN_BELOW = 3


@dataclass(frozen=True)
class Bucket:
    """A coarse part of the scale: clients are grouped by it, therapists fit it within one step."""

    key: str
    points: range

    @property
    def within_one_step(self) -> range:
        return range(max(SCALE_MIN, self.points.start - 1), min(SCALE_MAX, self.points.stop) + 1)

    def describe(self, dimension: Dimension) -> str:
        if self.key == "low":
            return dimension.short_low
        if self.key == "high":
            return dimension.short_high
        return f"middle-of-the-road {dimension.short_low}/{dimension.short_high}"


LOW = Bucket("low", range(SCALE_MIN, SCALE_MIDDLE))
MIDDLE = Bucket("middle", range(SCALE_MIDDLE, SCALE_MIDDLE + 1))
HIGH = Bucket("high", range(SCALE_MIDDLE + 1, SCALE_MAX + 1))
BUCKETS = {bucket.key: bucket for bucket in (LOW, MIDDLE, HIGH)}

# Chart geometry, in SVG user units.
CHART_LEFT = 10
CHART_TOP = 14
PLOT_WIDTH = 340
PLOT_HEIGHT = 120
GROUP_WIDTH = PLOT_WIDTH / len(SCALE)
BAR_WIDTH = 18


@dataclass(frozen=True)
class Bar:
    """One point of the scale: how many therapists stand there and how many clients ask for it."""

    point: int
    therapists: int
    clients: int
    therapist_share: float  # of all therapists counted, 0..1
    client_share: float  # of all clients who weighted this dimension, 0..1
    tallest: float  # the largest share in the chart, drawn full height

    @property
    def therapist_percent(self) -> int:
        return round(self.therapist_share * 100)

    @property
    def client_percent(self) -> int:
        return round(self.client_share * 100)

    @property
    def group_x(self) -> float:
        return CHART_LEFT + (self.point - SCALE_MIN) * GROUP_WIDTH

    @property
    def label_x(self) -> float:
        return round(self.group_x + GROUP_WIDTH / 2, 1)

    @property
    def therapist_x(self) -> float:
        return round(self.group_x + GROUP_WIDTH / 2 - BAR_WIDTH - 1, 1)

    @property
    def client_x(self) -> float:
        return round(self.group_x + GROUP_WIDTH / 2 + 1, 1)

    @property
    def therapist_height(self) -> float:
        return round(self.therapist_share / self.tallest * PLOT_HEIGHT, 1) if self.tallest else 0.0

    @property
    def client_height(self) -> float:
        return round(self.client_share / self.tallest * PLOT_HEIGHT, 1) if self.tallest else 0.0

    @property
    def therapist_y(self) -> float:
        return round(CHART_TOP + PLOT_HEIGHT - self.therapist_height, 1)

    @property
    def client_y(self) -> float:
        return round(CHART_TOP + PLOT_HEIGHT - self.client_height, 1)


@dataclass(frozen=True)
class DimensionCoverage:
    dimension: Dimension
    bars: list[Bar]
    therapists: int
    clients: int

    # Fixed chart positions, handy in the template.
    bar_width: int = BAR_WIDTH
    baseline_y: int = CHART_TOP + PLOT_HEIGHT
    chart_left: int = CHART_LEFT
    chart_right: int = CHART_LEFT + PLOT_WIDTH
    axis_label_y: int = CHART_TOP + PLOT_HEIGHT + 16
    pole_label_y: int = CHART_TOP + PLOT_HEIGHT + 34

    @property
    def summary(self) -> str:
        peak_therapists = max(self.bars, key=lambda bar: (bar.therapists, -bar.point))
        peak_clients = max(self.bars, key=lambda bar: (bar.clients, -bar.point))
        parts = [f"{self.dimension.title}: {self.therapists} therapists and {self.clients} clients counted."]
        if self.therapists:
            parts.append(f"Most therapists stand at {peak_therapists.point}.")
        if self.clients:
            parts.append(f"Most clients ask for {peak_clients.point}.")
        return " ".join(parts)


@dataclass(frozen=True)
class Combination:
    wants: tuple[tuple[Dimension, Bucket], ...]
    clients: int
    therapists: int
    place: str

    @property
    def thin(self) -> bool:
        return self.therapists < THIN_BELOW

    @property
    def sentence(self) -> str:
        wanted = ", ".join(bucket.describe(dimension) for dimension, bucket in self.wants)
        who = f"Clients in {self.place}" if self.place else "Clients"
        noun = "therapist" if self.therapists == 1 else "therapists"
        return f"{who} who want {wanted} work: {self.therapists} {noun}"


# Clients' answers are shown only for groups at least this large, so no one client's wishes stand out.
MIN_CLIENTS_SHOWN = 5


@dataclass(frozen=True)
class Coverage:
    state: str
    place: str
    therapists: int
    clients: int
    dimensions: list[DimensionCoverage]
    combinations: list[Combination]

    @property
    def clients_hidden(self) -> bool:
        return 0 < self.clients < MIN_CLIENTS_SHOWN


def therapists_counted(state: str = "") -> QuerySet[Therapist]:
    """Listings clients can actually find: published and with fresh availability."""
    therapists = Therapist.objects.published().fresh()
    return therapists.licensed_in(state) if state else therapists


def clients_counted(state: str = "") -> QuerySet[Client]:
    clients = Client.objects.filter(completed_at__isnull=False)
    return clients.filter(state=state) if state else clients


def weighted(dimension: Dimension, *, at_least: int = 1) -> Q:
    return Q(**{f"{dimension.point_field}__isnull": False, f"{dimension.importance_field}__gte": at_least})


def bucket_of(field: str) -> Case:
    """The bucket of a point column, worked out by the database."""
    return Case(
        *(When(**{f"{field}__in": list(bucket.points)}, then=Value(bucket.key)) for bucket in BUCKETS.values()),
        output_field=CharField(),
    )


def dimension_coverage(
    dimension: Dimension, therapists: QuerySet[Therapist], clients: QuerySet[Client]
) -> DimensionCoverage:
    therapist_counts = {
        row[dimension.key]: row["n"] for row in therapists.values(dimension.key).annotate(n=Count("pk")).order_by()
    }
    client_counts = {
        row[dimension.point_field]: row["n"]
        for row in clients.filter(weighted(dimension)).values(dimension.point_field).annotate(n=Count("pk")).order_by()
    }
    therapist_total = sum(therapist_counts.values())
    client_total = sum(client_counts.values())
    therapist_shares = {p: therapist_counts.get(p, 0) / therapist_total if therapist_total else 0.0 for p in SCALE}
    client_shares = {p: client_counts.get(p, 0) / client_total if client_total else 0.0 for p in SCALE}
    tallest = max([*therapist_shares.values(), *client_shares.values()])
    bars = [
        Bar(
            point=point,
            therapists=therapist_counts.get(point, 0),
            clients=client_counts.get(point, 0),
            therapist_share=therapist_shares[point],
            client_share=client_shares[point],
            tallest=tallest,
        )
        for point in SCALE
    ]
    return DimensionCoverage(dimension=dimension, bars=bars, therapists=therapist_total, clients=client_total)


def common_combinations(clients: QuerySet[Client]) -> list[tuple[tuple[tuple[Dimension, Bucket], ...], int]]:
    """The pairs of wishes clients weight most often, as ((dimension, bucket), ...) with a client count."""
    found = []
    for first, second in combinations(DIMENSIONS, 2):
        rows = (
            clients.filter(weighted(first, at_least=COMBINATION_IMPORTANCE))
            .filter(weighted(second, at_least=COMBINATION_IMPORTANCE))
            .annotate(first_bucket=bucket_of(first.point_field), second_bucket=bucket_of(second.point_field))
            .values("first_bucket", "second_bucket")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in rows:
            if row["n"] < MIN_CLIENTS_SHOWN:
                continue
            wants = ((first, BUCKETS[row["first_bucket"]]), (second, BUCKETS[row["second_bucket"]]))
            found.append((wants, row["n"]))
    # Most common first; ties in registry order so the page is stable.
    order = {dimension.key: index for index, dimension in enumerate(DIMENSIONS)}
    found.sort(key=lambda item: (-item[1], [(order[d.key], b.key) for d, b in item[0]]))
    return found[:COMBINATIONS_SHOWN]


def fitting(wants: tuple[tuple[Dimension, Bucket], ...]) -> Q:
    """Therapists within one step of every bucket wished for."""
    condition = Q()
    for dimension, bucket in wants:
        span = bucket.within_one_step
        condition &= Q(**{f"{dimension.key}__gte": span.start, f"{dimension.key}__lte": span.stop - 1})
    return condition


def build(state: str = "") -> Coverage:
    """The coverage of one state (or of the whole country when state is empty)."""
    therapists = therapists_counted(state)
    clients = clients_counted(state)
    client_count = clients.count()
    if client_count < MIN_CLIENTS_SHOWN:
        clients = clients.none()  # too few to show without singling anyone out
    common = common_combinations(clients)
    # One query counts the fitting therapists for every combination at once.
    fits = (
        therapists.aggregate(
            **{f"c{index}": Count("pk", filter=fitting(wants)) for index, (wants, _n) in enumerate(common)}
        )
        if common
        else {}
    )
    place = vocabulary.STATE_NAMES.get(state, "")
    return Coverage(
        state=state,
        place=place,
        therapists=therapists.count(),
        clients=client_count,
        dimensions=[dimension_coverage(dimension, therapists, clients) for dimension in DIMENSIONS],
        combinations=[
            Combination(wants=wants, clients=n, therapists=fits[f"c{index}"], place=place)
            for index, (wants, n) in enumerate(common)
        ],
    )
