"""Turn a client's answers into ranked, filtered, explained results.

Practical needs are filters, never hidden weights: every filter reports how
many therapists it removed, in the order the filters apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q
from django.db.models.lookups import Exact, GreaterThan
from django.utils import timezone

from matchmaker import vocabulary
from matchmaker.dimensions import BY_KEY, SCALE_MAX, SCALE_MIN
from matchmaker.matching.search_table import PUBLISHED_COUNT_KEY
from matchmaker.scoring import Preferences, Reason, explain, largest_difference, strongest_reasons
from profiles.models import Listing, Therapist, fresh_since
from questionnaire.models import Client

PAGE_SIZE = 20


@dataclass(frozen=True)
class Filter:
    key: str  # the answer it comes from, which is also the refine form's field for it
    condition: Q
    one: str  # completes "1 therapist ..."
    many: str  # completes "12 therapists ..."
    relax: str  # what the client could change if nothing is left
    chosen: bool = True  # False when the client cannot relax it here (licensing, availability)


@dataclass(frozen=True)
class Removal:
    key: str
    count: int
    message: str  # agrees with count: "is ..." or "are ..."
    relax: str
    chosen: bool

    @property
    def text(self) -> str:
        return f"{self.count} therapist{'' if self.count == 1 else 's'} {self.message}"


@dataclass(frozen=True)
class Suggestion:
    """The one need to relax when nothing is left, and how many therapists relaxing it alone would show."""

    removal: Removal
    would_show: int


def any_of(mask_field: str, choices: tuple[tuple[str, str], ...], codes: list[str]) -> Q:
    """The listing has at least one of `codes` among the bits of `mask_field`."""
    return Q(GreaterThan(F(mask_field).bitand(vocabulary.bitmask(choices, codes)), 0))


def all_of(mask_field: str, choices: tuple[tuple[str, str], ...], codes: list[str]) -> Q:
    """The listing has every one of `codes` among the bits of `mask_field`."""
    mask = vocabulary.bitmask(choices, codes)
    return Q(Exact(F(mask_field).bitand(mask), mask))


def in_words(codes: list[str], choices: tuple[tuple[str, str], ...], joiner: str) -> str:
    names = vocabulary.labels(choices, codes)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def client_filters(client: Client) -> list[Filter]:
    """Every practical need as a filter, in the order they apply.

    What the client cannot change here comes first (licensing, availability, therapists
    they set aside), so the counts for their own choices are about therapists they could
    otherwise have seen.
    """
    filters = []
    filters.append(
        Filter(
            "accepting_new_clients",
            Q(accepting_new_clients=True),
            one="is not taking new clients",
            many="are not taking new clients",
            relax="Check back in a few weeks.",
            chosen=False,
        )
    )
    filters.append(
        Filter(
            "availability",
            Q(availability_confirmed_at__gte=fresh_since()),
            one="has not confirmed their availability recently",
            many="have not confirmed their availability recently",
            relax="Listings come back as soon as the therapist confirms they are still available.",
            chosen=False,
        )
    )
    set_aside = client.set_aside.values("therapist_id")
    filters.append(
        Filter(
            "set_aside",
            ~Q(therapist_id__in=set_aside),
            one="was set aside by you",
            many="were set aside by you",
            relax="You can bring them back from your page.",
            chosen=False,
        )
    )
    if client.session_format == Client.SessionFormat.ONLINE:
        filters.append(
            Filter(
                "session_format",
                Q(offers_online=True),
                one="does not see clients online",
                many="do not see clients online",
                relax="Choose “either is fine” for how you would like to meet.",
            )
        )
    elif client.session_format == Client.SessionFormat.IN_PERSON:
        filters.append(
            Filter(
                "session_format",
                Q(offers_in_person=True),
                one="does not see clients in person",
                many="do not see clients in person",
                relax="Choose “either is fine” for how you would like to meet.",
            )
        )
    if client.languages:
        spoken = in_words(client.languages, vocabulary.LANGUAGES, "or")
        filters.append(
            Filter(
                "languages",
                any_of("languages_mask", vocabulary.LANGUAGES, client.languages),
                one=f"does not offer sessions in {spoken}",
                many=f"do not offer sessions in {spoken}",
                relax="Add another language you would be comfortable having sessions in.",
            )
        )
    if client.concerns:
        # A therapist shown works with every concern chosen.
        works_with_all = all_of("concerns_mask", vocabulary.CONCERNS, client.concerns)
        names = vocabulary.labels(vocabulary.CONCERNS, client.concerns)
        listed = (
            f"list {names[0]} among what they work with"
            if len(names) == 1
            else f"list all of what you chose ({', '.join(names)})"
        )
        filters.append(
            Filter(
                "concerns",
                works_with_all,
                one=f"does not {listed}",
                many=f"do not {listed}",
                relax="Keep only the concern that matters most to you; therapists often help with more than they list.",
            )
        )
    if client.max_fee is not None:
        # Someone who needs a sliding scale agrees the fee with the therapist, so a therapist
        # who offers one is not held to their full fee.
        affordable = Q(fee__lte=client.max_fee)
        beyond = f"more than ${client.max_fee} a session"
        if client.needs_sliding_scale:
            affordable |= Q(sliding_scale=True)
            beyond += " with no sliding scale"
        filters.append(
            Filter(
                "max_fee",
                affordable,
                one=f"charges {beyond}",
                many=f"charge {beyond}",
                relax="Raise the most you can pay per session, or leave it empty.",
            )
        )
    if client.needs_sliding_scale:
        filters.append(
            Filter(
                "needs_sliding_scale",
                Q(sliding_scale=True),
                one="does not offer a sliding scale",
                many="do not offer a sliding scale",
                relax="Untick “I need a sliding scale” if you could manage the full fee.",
            )
        )
    if client.insurance:
        plan = dict(vocabulary.INSURANCE_PLANS)[client.insurance]
        filters.append(
            Filter(
                "insurance",
                any_of("insurance_mask", vocabulary.INSURANCE_PLANS, [client.insurance]),
                one=f"does not take {plan}",
                many=f"do not take {plan}",
                relax="Choose “no insurance” to also see therapists you would pay yourself.",
            )
        )
    if client.therapist_gender:
        gender = dict(vocabulary.GENDERS)[client.therapist_gender]
        filters.append(
            Filter(
                "therapist_gender",
                Q(gender=client.therapist_gender),
                one=f"did not give their gender as {gender}",
                many=f"did not give their gender as {gender}",
                relax="Choose “no preference” for your therapist’s gender.",
            )
        )
    if client.wants_lgbtq_affirming:
        filters.append(
            Filter(
                "wants_lgbtq_affirming",
                Q(lgbtq_affirming=True),
                one="does not describe their practice as LGBTQ+-affirming",
                many="do not describe their practice as LGBTQ+-affirming",
                relax="Untick the wish for an LGBTQ+-affirming therapist.",
            )
        )
    if client.therapist_faith:
        faith = dict(vocabulary.FAITHS)[client.therapist_faith]
        filters.append(
            Filter(
                "therapist_faith",
                Q(faith=client.therapist_faith),
                one=f"did not give their faith as {faith}",
                many=f"did not give their faith as {faith}",
                relax="Choose “no preference” for your therapist’s faith.",
            )
        )
    if client.therapist_age_range:
        filters.append(age_filter(client.therapist_age_range))
    return filters


def age_filter(code: str) -> Filter:
    """Ages as this year minus the birth year; a therapist who gave no birth year cannot be placed."""
    _, label, youngest, oldest = next(age for age in vocabulary.AGE_RANGES if age[0] == code)
    year = timezone.now().year
    born = Q(birth_year__isnull=False, birth_year__gte=year - oldest, birth_year__lte=year - youngest)
    message = f"did not give an age in the range you chose ({label.lower()})"
    return Filter(
        "therapist_age_range", born, one=message, many=message, relax="Choose “no preference” for your therapist’s age."
    )


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
    # Set on results pages from the listing, which saves a query per relation; None elsewhere.
    language_names: list[str] | None = None
    insurance_names: list[str] | None = None

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
    suggestion: Suggestion | None = None  # only when nothing is left

    @property
    def remaining(self) -> int:
        return self.page.paginator.count


def suggest_relaxing(filters: list[Filter], removals: dict[str, Removal], alone: dict[str, int]) -> Suggestion | None:
    """The need the client chose whose relaxing alone would show the most therapists.

    If no single need would show anyone, the chosen need that set aside the most.
    """
    chosen = [removals[f.key] for f in filters if f.chosen and f.key in removals]
    if not chosen:
        return None
    best = max(chosen, key=lambda removal: alone[removal.key])  # max keeps the first of equals: filter order
    if alone[best.key]:
        return Suggestion(best, alone[best.key])
    return Suggestion(max(chosen, key=lambda removal: removal.count), 0)


def published_count() -> int:
    """How many therapists the directory lists, for the sentences about what filters removed.

    Counting a million rows on every results page is the slowest part of it, so the
    number is cached; the search table's writer clears it when a rebuild commits.
    """
    count = cache.get(PUBLISHED_COUNT_KEY)
    if count is None:
        count = Therapist.objects.published().count()
        cache.set(PUBLISHED_COUNT_KEY, count, 300)
    return int(count)


def state_removal(client: Client, published: int, in_state: int) -> Removal | None:
    if not client.state or published == in_state:
        return None
    state = vocabulary.STATE_NAMES[client.state]
    count = published - in_state
    return Removal(
        "state",
        count,
        f"is not licensed in {state}" if count == 1 else f"are not licensed in {state}",
        "Therapists can only see clients in the state where they are licensed, so this need stays.",
        chosen=False,
    )


def find_matches(client: Client, page_number: object = 1) -> Results:
    """Ranked matches for one page of results, in a fixed number of queries whatever the directory size.

    Everything runs on the Listing table, one state's rows at a time. One aggregate
    counts, per filter, how many therapists it removed after the filters before it,
    and how many fail that filter alone (who would appear if it were relaxed). A
    second query ranks and slices; a third loads the page's therapists.
    """
    filters = client_filters(client)
    base = Listing.objects.filter(state=client.state) if client.state else Listing.objects.filter(primary=True)
    passed = Q()
    counts: dict[str, Count] = {"in_state": Count("pk")}
    for index, directory_filter in enumerate(filters):
        counts[f"removed_{index}"] = Count("pk", filter=passed & ~directory_filter.condition)
        passed &= directory_filter.condition
        others = Q()
        for other in filters:
            if other is not directory_filter:
                others &= other.condition
        if directory_filter.chosen:
            counts[f"alone_{index}"] = Count("pk", filter=others & ~directory_filter.condition)
    counts["remaining"] = Count("pk", filter=passed)
    totals = base.aggregate(**counts)
    published = max(published_count(), totals["in_state"])

    removals: dict[str, Removal] = {}
    outside = state_removal(client, published, totals["in_state"])
    if outside:
        removals["state"] = outside
    alone: dict[str, int] = {}
    for index, directory_filter in enumerate(filters):
        count = totals[f"removed_{index}"]
        alone[directory_filter.key] = totals.get(f"alone_{index}", 0)
        if count:
            message = directory_filter.one if count == 1 else directory_filter.many
            removals[directory_filter.key] = Removal(
                directory_filter.key, count, message, directory_filter.relax, directory_filter.chosen
            )
    suggestion = None if totals["remaining"] else suggest_relaxing(filters, removals, alone)

    preferences = client.preferences()
    ranked = (
        base.filter(passed).ranked(preferences).values_list("therapist_id", "fit", "languages_mask", "insurance_mask")
    )
    paginator = KnownCountPaginator(ranked, PAGE_SIZE, totals["remaining"])
    page = paginator.get_page(page_number)
    scored = list(page.object_list)
    therapists = Therapist.objects.in_bulk([row[0] for row in scored])
    matches = []
    for pk, fit, languages_mask, insurance_mask in scored:
        if pk in therapists:
            match = make_match(therapists[pk], fit, preferences)
            match.language_names = vocabulary.labels_in_mask(vocabulary.LANGUAGES, languages_mask)
            match.insurance_names = vocabulary.labels_in_mask(vocabulary.INSURANCE_PLANS, insurance_mask)
            matches.append(match)
    return Results(page, matches, published, list(removals.values()), suggestion)
