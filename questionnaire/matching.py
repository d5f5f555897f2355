"""Turn a client's answers into ranked, filtered, explained results.

Practical needs are filters, never hidden weights: every filter reports how
many therapists it removed, in the order the filters apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q

from matchmaker import vocabulary
from matchmaker.dimensions import BY_KEY, SCALE_MAX, SCALE_MIN
from matchmaker.scoring import Preferences, Reason, explain, largest_difference, strongest_reasons
from profiles.models import Therapist, fresh_since, licensed_in_condition
from questionnaire.models import Client

PAGE_SIZE = 20


@dataclass(frozen=True)
class Filter:
    condition: Q
    removed: str  # "{count} ..." completed with how many therapists it removed
    relax: str  # what the client could change if nothing is left


@dataclass(frozen=True)
class Removal:
    count: int
    message: str
    relax: str


def client_filters(client: Client) -> list[Filter]:
    filters = []
    if client.state:
        state = vocabulary.STATE_NAMES[client.state]
        filters.append(
            Filter(
                Q(licensed_in_condition(client.state)),
                f"are not licensed in {state}",
                "Therapists must be licensed where you live, so this one cannot be relaxed.",
            )
        )
    if client.session_format == Client.SessionFormat.ONLINE:
        filters.append(Filter(Q(offers_online=True), "do not see clients online", "Choose “either is fine”."))
    elif client.session_format == Client.SessionFormat.IN_PERSON:
        filters.append(Filter(Q(offers_in_person=True), "do not see clients in person", "Choose “either is fine”."))
    filters.append(Filter(Q(accepting_new_clients=True), "are not taking new clients", "Check back in a few weeks."))
    filters.append(
        Filter(
            Q(availability_confirmed_at__gte=fresh_since()),
            "have not confirmed their availability recently",
            "Listings come back as soon as the therapist confirms they are still available.",
        )
    )
    set_aside = client.set_aside.values("therapist_id")
    filters.append(Filter(~Q(pk__in=set_aside), "were set aside by you", "You can bring them back from your page."))
    return filters


class KnownCountPaginator(Paginator):
    """A paginator told the total up front, so it does not run its own COUNT query."""

    def __init__(self, object_list: object, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)  # type: ignore[arg-type]
        self.count = count  # type: ignore[misc]


@dataclass(frozen=True)
class Track:
    """One dimension drawn as a 1..7 line with the client and the therapist on it."""

    title: str
    low: str
    high: str
    preferred: int
    therapist: int
    closeness: str

    @staticmethod
    def x(point: int) -> float:
        return 8 + (point - SCALE_MIN) * 84 / (SCALE_MAX - SCALE_MIN)

    @property
    def preferred_x(self) -> float:
        return self.x(self.preferred)

    @property
    def therapist_x(self) -> float:
        return self.x(self.therapist)


@dataclass
class Match:
    therapist: Therapist
    fit: float
    reasons: list[Reason]
    strongest: list[Reason] = field(default_factory=list)
    largest_difference: Reason | None = None

    @property
    def tracks(self) -> list[Track]:
        tracks = []
        for reason in self.reasons:
            dimension = BY_KEY[reason.key]
            tracks.append(
                Track(
                    reason.title,
                    dimension.short_low,
                    dimension.short_high,
                    reason.preferred,
                    reason.therapist,
                    reason.closeness.value,
                )
            )
        return tracks


def make_match(therapist: Therapist, fit: float, preferences: Preferences) -> Match:
    reasons = explain(preferences, therapist.style())
    return Match(therapist, fit, reasons, strongest_reasons(reasons), largest_difference(reasons))


@dataclass
class Results:
    page: Page
    matches: list[Match]
    published: int
    removals: list[Removal]

    @property
    def remaining(self) -> int:
        return self.page.paginator.count


def find_matches(client: Client, page_number: object = 1) -> Results:
    """Ranked matches for one page of results: two queries plus the prefetches, whatever the directory size."""
    filters = client_filters(client)
    passed = Q()
    counts: dict[str, Count] = {"published": Count("pk")}
    for index, directory_filter in enumerate(filters):
        counts[f"removed_{index}"] = Count("pk", filter=passed & ~directory_filter.condition)
        passed &= directory_filter.condition
    counts["remaining"] = Count("pk", filter=passed)
    totals = Therapist.objects.published().aggregate(**counts)

    removals = [
        Removal(totals[f"removed_{index}"], directory_filter.removed, directory_filter.relax)
        for index, directory_filter in enumerate(filters)
        if totals[f"removed_{index}"]
    ]
    preferences = client.preferences()
    ranked = (
        Therapist.objects.published()
        .filter(passed)
        .ranked(preferences)
        .prefetch_related("languages", "insurance_plans")
    )
    paginator = KnownCountPaginator(ranked, PAGE_SIZE, totals["remaining"])
    page = paginator.get_page(page_number)
    matches = [make_match(therapist, therapist.fit, preferences) for therapist in page.object_list]
    return Results(page, matches, totals["published"], removals)
