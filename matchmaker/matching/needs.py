"""Practical needs: the one registry of the filters a client's answers switch on.

A need is data, like a style dimension in matchmaker.dimensions: the answer it comes
from, when the client asked for it, the condition a listing must meet, the words that
say how many therapists it removed and what the client could relax. Needs apply in
registry order: what the client cannot change here comes first (taking new clients,
availability, therapists they set aside), so the counts for their own choices are
about therapists they could otherwise have seen.

Adding a need is one entry here and, if it filters on something new, that column on
Listing (see matchmaker.matching.search_table).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import BooleanField, Expression, F, FloatField, Func, Q
from django.db.models.lookups import Exact, GreaterThan, LessThanOrEqual
from django.utils import timezone

from matchmaker import geo, vocabulary
from profiles.models import fresh_since

if TYPE_CHECKING:
    from questionnaire.models import Client

MINUTE = timedelta(minutes=1)
# The verbs a need's words may use, as {is}, {does}, …: singular for 1 therapist, plural for more.
VERBS = {"is": ("is", "are"), "does": ("does", "do"), "has": ("has", "have"), "was": ("was", "were"),
         "charges": ("charges", "charge")}  # fmt: skip


@dataclass(frozen=True)
class Filter:
    """One need as it applies to one client."""

    key: str  # the answer it comes from, which is also the refine form's field for it
    condition: Q
    one: str  # completes "1 therapist ..."
    many: str  # completes "12 therapists ..."
    relax: str  # what the client could change if nothing is left
    chosen: bool = True  # False when the client cannot relax it here (licensing, availability)
    of_one_client: bool = False  # the condition reads this client's own rows: its SQL serves nobody else


def _always(client: Client) -> bool:
    return True


def _nothing(client: Client) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class Need:
    key: str  # the client's answer, also the refine form's field for it
    condition: Callable[[Client], Q]  # what a listing must meet
    removed: str  # completes "3 therapists …", with {is}, {does}, … agreeing with the count
    relax: str  # what the client could change if nothing is left
    asked: Callable[[Client], bool] = _always  # whether this client's answers switch it on
    words: Callable[[Client], dict[str, str]] = field(default=_nothing)  # the client's choices, named in `removed`
    chosen: bool = True  # False when the client cannot relax it here
    of_one_client: bool = False  # the condition reads this client's own rows (a subquery), not only answers

    def filter_for(self, client: Client) -> Filter:
        named = self.words(client)
        one = self.removed.format(**{verb: forms[0] for verb, forms in VERBS.items()}, **named)
        many = self.removed.format(**{verb: forms[1] for verb, forms in VERBS.items()}, **named)
        return Filter(self.key, self.condition(client), one, many, self.relax, self.chosen, self.of_one_client)


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


def concerns_listed(client: Client) -> dict[str, str]:
    names = vocabulary.labels(vocabulary.CONCERNS, client.concerns)
    if len(names) == 1:
        return {"listed": f"list {names[0]} among what they work with"}
    return {"listed": f"list all of what you chose ({', '.join(names)})"}


def confirmed_recently(client: Client) -> Q:
    """Availability confirmed since the cutoff, taken to the next whole minute: stricter by under a minute, so a
    card never lists someone it would call "not confirmed recently", and the same condition for every client
    within a minute, which lets its compiled SQL be reused (matchmaker.matching.find.compiled)."""
    cutoff = fresh_since()
    whole_minute = cutoff.replace(second=0, microsecond=0)
    return Q(availability_confirmed_at__gte=whole_minute if whole_minute == cutoff else whole_minute + MINUTE)


def affordable(client: Client) -> Q:
    # Someone who needs a sliding scale agrees the fee with the therapist, so a therapist
    # who offers one is not held to their full fee.
    within = Q(fee__lte=client.max_fee)
    return within | Q(sliding_scale=True) if client.needs_sliding_scale else within


def beyond_fee(client: Client) -> dict[str, str]:
    beyond = f"more than ${client.max_fee} a session"
    return {"beyond": beyond + " with no sliding scale" if client.needs_sliding_scale else beyond}


def age_range(client: Client) -> tuple[str, int, int]:
    _, label, youngest, oldest = next(age for age in vocabulary.AGE_RANGES if age[0] == client.therapist_age_range)
    return label, youngest, oldest


def born_in_range(client: Client) -> Q:
    """Ages as this year minus the birth year; a therapist who gave no birth year cannot be placed."""
    _, youngest, oldest = age_range(client)
    year = timezone.now().year
    return Q(birth_year__isnull=False, birth_year__gte=year - oldest, birth_year__lte=year - youngest)


def same_as_chosen(key: str, column: str, choices: tuple[tuple[str, str], ...]) -> Need:
    """A need for the therapist's own answer in `column` (gender, faith) to be the one the client chose."""
    return Need(
        key,
        lambda client: Q(**{column: getattr(client, key)}),
        f"did not give their {column} as {{chosen}}",
        f"Choose “no preference” for your therapist’s {column}.",
        asked=lambda client: bool(getattr(client, key)),
        words=lambda client: {"chosen": dict(choices)[getattr(client, key)]},
    )


MEET_EITHER_WAY = "Choose “either is fine” for how you would like to meet."


def sees_clients(session_format: str, column: str, how: str) -> Need:
    """A need for the therapist to see clients the one way the client asked for."""
    return Need(
        "session_format",
        lambda client: Q(**{column: True}),
        f"{{does}} not see clients {how}",
        MEET_EITHER_WAY,
        asked=lambda client: client.session_format == session_format,
    )


class SetAsideBy(Func):
    """Whether the client with this id set the listing's therapist aside, as one subquery written out.

    The same as `therapist_id IN (the client's set-aside rows)` through the ORM, which took about 0.4 ms to
    build and compile on every first visit (it is one client's own, so its compiled SQL is never kept).
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, client_id: int, table: str) -> None:
        super().__init__(F("therapist_id"))
        self.client_id, self.table = client_id, table

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:  # type: ignore[override]
        therapist, params = compiler.compile(self.get_source_expressions()[0])
        quote = connection.ops.quote_name
        rows = f"SELECT {quote('therapist_id')} FROM {quote(self.table)} WHERE {quote('client_id')} = %s"
        return f"{therapist} IN ({rows})", [*params, self.client_id]


class MilesFrom(Func):
    """The great-circle distance in miles from a point to a listing's office, as geo.miles_between reckons it
    (the haversine formula), written out as one SQL expression over the office's two columns.

    Built from the ORM's own functions (Radians, Sin, Cos, Power, Sqrt, Least, ASin: some twenty-five nodes) it
    took about 1.6 ms to compile, longer than PostgreSQL took to apply it to a state's rows. As one expression it
    compiles in about 0.2 ms, and it compares and hashes by the point, as every expression does, so its compiled
    SQL is kept like any other condition's (matchmaker.matching.find.compiled).
    """

    output_field = FloatField()

    def __init__(self, latitude: float, longitude: float) -> None:
        super().__init__(F("office_latitude"), F("office_longitude"))
        self.latitude, self.longitude = float(latitude), float(longitude)

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:  # type: ignore[override]
        (office_phi, phi_params), (office_lam, lam_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        least = "MIN" if connection.vendor == "sqlite" else "LEAST"
        phi, lam = math.radians(self.latitude), math.radians(self.longitude)
        # 2R · asin(min(1, √(sin²((φ2 − φ1)/2) + cos φ1 · cos φ2 · sin²((λ2 − λ1)/2))))
        sql = (
            f"(%s * ASIN({least}(%s, SQRT("
            f"POWER(SIN((RADIANS({office_phi}) - %s) / %s), %s)"
            f" + COS(%s) * COS(RADIANS({office_phi})) * POWER(SIN((RADIANS({office_lam}) - %s) / %s), %s)))))"
        )
        params = [
            2 * geo.EARTH_RADIUS_MILES, 1.0,
            *phi_params, phi, 2.0, 2.0,
            phi, *phi_params, *lam_params, lam, 2.0, 2.0,
        ]  # fmt: skip
        return sql, params


def miles_from(latitude: float, longitude: float) -> Expression:
    """The great-circle distance in miles from a point to a listing's office, as geo.miles_between reckons it."""
    return MilesFrom(latitude, longitude)


def office_within(client: Client) -> Q:
    """The listing's office is within the client's distance: a box an index can answer, then the exact distance."""
    home = client.home()
    assert home is not None  # asked only of clients whose ZIP code is known
    box = geo.box_around(home.latitude, home.longitude, client.max_distance)
    near = Q(
        # Not null first, so that the negation counting removed listings never meets an unknown.
        office_latitude__isnull=False,
        office_longitude__isnull=False,
        office_latitude__gte=box.south,
        office_latitude__lte=box.north,
        office_longitude__gte=box.west,
        office_longitude__lte=box.east,
    ) & Q(LessThanOrEqual(miles_from(home.latitude, home.longitude), float(client.max_distance)))
    if client.session_format == client.SessionFormat.EITHER:
        return Q(offers_online=True) | near
    return near


NEEDS: tuple[Need, ...] = (
    Need(
        "accepting_new_clients",
        lambda client: Q(accepting_new_clients=True),
        "{is} not taking new clients",
        "Check back in a few weeks.",
        chosen=False,
    ),
    Need(
        "availability",
        confirmed_recently,
        "{has} not confirmed their availability recently",
        "Listings come back as soon as the therapist confirms they are still available.",
        chosen=False,
    ),
    Need(
        "set_aside",
        lambda client: ~Q(SetAsideBy(client.pk, client.set_aside.model._meta.db_table)),
        "{was} set aside by you",
        "You can bring them back from your page.",
        chosen=False,
        of_one_client=True,
    ),
    sees_clients("online", "offers_online", "online"),
    sees_clients("in_person", "offers_in_person", "in person"),
    Need(
        "max_distance",  # in person only within the distance; with "either", online therapists stay
        office_within,
        "{has} an office more than {miles} miles from {zip_code}{nothing_online}",
        "Choose a wider distance, or “online” to see therapists anywhere in your state.",
        asked=lambda client: client.home() is not None,
        words=lambda client: {
            "miles": str(client.max_distance),
            "zip_code": client.zip_code,
            "nothing_online": " and no online sessions" if client.session_format == "either" else "",
        },
    ),
    Need(
        "languages",
        lambda client: any_of("languages_mask", vocabulary.LANGUAGES, client.languages),
        "{does} not offer sessions in {spoken}",
        "Add another language you would be comfortable having sessions in.",
        asked=lambda client: bool(client.languages),
        words=lambda client: {"spoken": in_words(client.languages, vocabulary.LANGUAGES, "or")},
    ),
    Need(
        "concerns",  # a therapist shown works with every concern chosen
        lambda client: all_of("concerns_mask", vocabulary.CONCERNS, client.concerns),
        "{does} not {listed}",
        "Keep only the concern that matters most to you; therapists often help with more than they list.",
        asked=lambda client: bool(client.concerns),
        words=concerns_listed,
    ),
    Need(
        "max_fee",
        affordable,
        "{charges} {beyond}",
        "Raise the most you can pay per session, or leave it empty.",
        asked=lambda client: client.max_fee is not None,
        words=beyond_fee,
    ),
    Need(
        "needs_sliding_scale",
        lambda client: Q(sliding_scale=True),
        "{does} not offer a sliding scale",
        "Untick “I need a sliding scale” if you could manage the full fee.",
        asked=lambda client: client.needs_sliding_scale,
    ),
    Need(
        "insurance",
        lambda client: any_of("insurance_mask", vocabulary.INSURANCE_PLANS, [client.insurance]),
        "{does} not take {plan}",
        "Choose “no insurance” to also see therapists you would pay yourself.",
        asked=lambda client: bool(client.insurance),
        words=lambda client: {"plan": dict(vocabulary.INSURANCE_PLANS)[client.insurance]},
    ),
    same_as_chosen("therapist_gender", "gender", vocabulary.GENDERS),
    Need(
        "wants_lgbtq_affirming",
        lambda client: Q(lgbtq_affirming=True),
        "{does} not describe their practice as LGBTQ+-affirming",
        "Untick the wish for an LGBTQ+-affirming therapist.",
        asked=lambda client: client.wants_lgbtq_affirming,
    ),
    same_as_chosen("therapist_faith", "faith", vocabulary.FAITHS),
    Need(
        "therapist_age_range",
        born_in_range,
        "did not give an age in the range you chose ({range})",
        "Choose “no preference” for your therapist’s age.",
        asked=lambda client: bool(client.therapist_age_range),
        words=lambda client: {"range": age_range(client)[0].lower()},
    ),
)


def client_filters(client: Client) -> list[Filter]:
    """Every need this client's answers switch on, as a filter, in the order they apply."""
    return [need.filter_for(client) for need in NEEDS if need.asked(client)]
