"""Turn a client's answers into ranked, filtered, explained results.

Practical needs are filters, never hidden weights (see matchmaker.matching.needs):
every filter reports how many therapists it removed, in the order the filters apply.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Q
from django.db.models.sql import Query
from django.utils import timezone

from matchmaker import vocabulary
from matchmaker.compiled_once import instances
from matchmaker.dimensions import DIMENSION_KEYS, DIMENSIONS
from matchmaker.matching.explaining import CardTrack, ExplainedScale, card_scales, card_tracks
from matchmaker.matching.needs import Filter, client_filters
from matchmaker.matching.ranking import fit_sql
from matchmaker.matching.search_table import DIRECTORY_STATE_KEY
from matchmaker.memo import Memo
from matchmaker.scoring import Preferences, Reason, Style, explain, largest_difference, strongest_reasons
from profiles.models import Listing, Therapist, style_from
from questionnaire.models import Client

PAGE_SIZE = 20
# What a results card shows of a therapist (questionnaire/cards.py): the page loads no more of them.
CARD_FIELDS = (
    "name", "credentials", "pronouns", "photo", "offers_online", "offers_in_person", "city", "fee",
    "sliding_scale", "accepting_new_clients", "availability_confirmed_at",
)  # fmt: skip
HIGH_FIELDS = tuple(d.high_field for d in DIMENSIONS)
# What a ranked page keeps of each listing besides its therapist and fit: what the cards explain and list, and
# where the office is (looking a ZIP code up costs about a millisecond; the listing already knows).
PAGE_COLUMNS = (
    "languages_mask", "insurance_mask", "office_latitude", "office_longitude", *DIMENSION_KEYS, *HIGH_FIELDS,
)  # fmt: skip


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


class KnownCountPaginator(Paginator):
    """A paginator told the total up front, so it does not run its own COUNT query."""

    def __init__(self, object_list: object, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)  # type: ignore[arg-type]
        self.count = count  # type: ignore[misc]


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
    office: tuple[float, float] | None = None  # the office's latitude and longitude, from the listing

    @cached_property
    def scales(self) -> tuple[list[ExplainedScale], ExplainedScale | None]:
        """The strongest reasons and the largest difference, as the card says them in sentences."""
        return card_scales(self.strongest, self.largest_difference)

    @property
    def suits(self) -> list[ExplainedScale]:
        return self.scales[0]

    @property
    def differs(self) -> ExplainedScale | None:
        return self.scales[1]

    @cached_property
    def tracks(self) -> list[CardTrack]:
        """One compact track per weighted scale; those the card's sentences already say are marked so."""
        said = {reason.key for reason in self.strongest}
        if self.largest_difference is not None:
            said.add(self.largest_difference.key)
        return card_tracks(self.reasons, said)


def make_match(therapist: Therapist, fit: float, preferences: Preferences, style: Style | None = None) -> Match:
    """A match explained from `style`, which must be what `fit` was scored from (the therapist's own by default)."""
    reasons = explain(preferences, therapist.style() if style is None else style)
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


def directory_state() -> tuple[int, int]:
    """How many therapists the directory lists, and a stamp that changes whenever the directory does.

    Counting a million rows on every results page is the slowest part of it, so the number is
    cached; the search table's writer clears it when a rebuild commits, and the next count gets a
    new stamp (which lets go of every kept ranking; see ranking_key).
    """
    state = cache.get(DIRECTORY_STATE_KEY)
    if state is None:
        state = (Therapist.objects.published().count(), time.time_ns())
        cache.set(DIRECTORY_STATE_KEY, state, 300)
    count, stamp = state
    return int(count), int(stamp)


def published_count() -> int:
    """How many therapists the directory lists, for the sentences about what filters removed."""
    return directory_state()[0]


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


def condition_sql(condition: Q) -> tuple[str, list[object]]:
    """A condition on Listing's columns as one SQL boolean, compiled by the ORM.

    Built straight into a bare query's WHERE clause (build_where), which costs half of going through a
    queryset's filter(). A condition that holds for every row (or none) compiles to TRUE (or FALSE), as the ORM
    decides.
    """
    query = Query(Listing)
    compiler = query.get_compiler(using=Listing.objects.db)
    try:
        sql, params = compiler.compile(query.build_where(condition))
    except FullResultSet:
        return "TRUE", []
    except EmptyResultSet:
        return "FALSE", []
    return (f"({sql})", list(params)) if sql else ("TRUE", [])


@dataclass(frozen=True)
class Compiled:
    """A condition on Listing's columns as SQL with its parameters."""

    sql: str
    params: list[object]


# Compiling a condition through the ORM costs from 0.15 ms (taking new clients) to 1.6 ms (the office's distance),
# and most conditions repeat from client to client (a state, the availability cutoff this minute, a fee, a
# language, a ZIP code and distance), so each is compiled once per process and kept under the condition itself:
# Django's Q objects and expressions compare and hash by everything they hold, values included. A condition that
# reads one client's own rows (whom they set aside) is compiled each time and never kept.
COMPILED: Memo[Compiled] = Memo(size=5_000)


def compiled(condition: Q, *, keep: bool = True) -> Compiled:
    if not keep:
        return Compiled(*condition_sql(condition))
    return COMPILED.get(condition, lambda: Compiled(*condition_sql(condition)))


def all_of(conditions: list[Compiled]) -> Compiled:
    return Compiled(" AND ".join(c.sql for c in conditions) or "TRUE", [p for c in conditions for p in c.params])


def count_removals(base: Compiled, filters: list[Filter], conditions: list[Compiled]) -> dict[str, int]:
    """The rows in `base`; per filter, how many it removed after the filters before it and, if the
    client chose it, how many fail it alone; and how many are left after every filter.

    Each condition is evaluated once per row into a column of booleans, and every count is taken
    over those columns: one pass over the state's rows however many filters apply.
    """
    columns = ["TRUE AS c_none", *(f"COALESCE({c.sql}, FALSE) AS c{i}" for i, c in enumerate(conditions))]
    params = [*all_of(conditions).params, *base.params]

    def all_pass(indices: Iterable[int]) -> str:
        return " AND ".join(f"c{index}" for index in indices) or "TRUE"

    counts = {"in_state": "COUNT(*)"}
    for index, directory_filter in enumerate(filters):
        counts[f"removed_{index}"] = f"COUNT(*) FILTER (WHERE {all_pass(range(index))} AND NOT c{index})"
        if directory_filter.chosen:
            others = (other for other in range(len(filters)) if other != index)
            counts[f"alone_{index}"] = f"COUNT(*) FILTER (WHERE {all_pass(others)} AND NOT c{index})"
    counts["remaining"] = f"COUNT(*) FILTER (WHERE {all_pass(range(len(filters)))})"
    database = connections[Listing.objects.db]
    table = database.ops.quote_name(Listing._meta.db_table)
    checked = f"SELECT {', '.join(columns)} FROM {table} WHERE {base.sql}"
    sql = f"SELECT {', '.join(counts.values())} FROM ({checked}) AS checked"
    with database.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return {key: int(value or 0) for key, value in zip(counts, row, strict=True)}


# A client's counts and ranked pages are kept a few minutes in the shared cache, so that reloading
# the results, paging back or coming back from a profile does not rank the whole state again, on
# whichever server the request lands. The key is a digest of every input: every answer the client
# saved (an unsaved copy with another answer, as a check-in proposal shows, is another key), whom
# they set aside (which saves the client, moving updated_at), the directory (its stamp) and the time
# (the availability and age filters move with it). The entry holds counts and therapist ids; neither
# it nor its key holds an answer or a private link.
RANKING_KEPT_SECONDS = 300
# Part of every key: what a kept page holds per row changes with PAGE_COLUMNS, and during a rolling deploy no
# server may read rows another version wrote.
RANKING_VERSION = 2
NOT_AN_ANSWER = {"last_seen_at"}  # opening the link changes nothing the ranking reads
MAX_PAGE_DIGITS = 5  # a page number longer than this is no real page: never looked for among the kept ones


def answers_of(client: Client) -> tuple[object, ...]:
    """Every saved field of the client: lists (languages, concerns) as tuples."""
    values = []
    for model_field in Client._meta.concrete_fields:
        if model_field.attname not in NOT_AN_ANSWER:
            value = getattr(client, model_field.attname)
            values.append(tuple(value) if isinstance(value, list) else value)
    return tuple(values)


def time_window() -> int:
    return int(timezone.now().timestamp() // RANKING_KEPT_SECONDS)


def ranking_key(client: Client, stamp: int, when: int) -> str:
    return f"ranking:v{RANKING_VERSION}:" + hashlib.sha256(repr((answers_of(client), stamp, when)).encode()).hexdigest()


def kept_ranking_keys(client: Client) -> list[str]:
    """The keys this client's ranking may be kept under now: this time window's and the one before."""
    state = cache.get(DIRECTORY_STATE_KEY)
    if state is None:
        return []
    now = time_window()
    return [ranking_key(client, state[1], when) for when in (now, now - 1)]


def forget_kept_ranking(client: Client) -> dict[str, int]:
    """Drop what is kept of this client's ranking now (their answers are about to change or go);
    returns each key it was kept under with its number of pages, for what else is kept by them.

    Entries under an older stamp of the directory can no longer be reached and expire on their own
    within RANKING_KEPT_SECONDS.
    """
    dropped = {key: kept_page_count(key) for key in kept_ranking_keys(client)}
    for key, pages in dropped.items():
        cache.delete_many([f"{key}:counts", *(f"{key}:page:{number}" for number in range(1, pages + 1))])
    return dropped


def kept_page_count(key: str) -> int:
    """How many pages of results the ranking kept under `key` has (1 if none is kept)."""
    counts = cache.get(f"{key}:counts")
    return max(1, -(-counts["remaining"] // PAGE_SIZE)) if counts else 1


def asked_page(page_number: object) -> int | None:
    """The page number asked for, if it is a plain whole number (what a kept page may be found under)."""
    asked = str(page_number)
    return int(asked) if asked.isdigit() and len(asked) <= MAX_PAGE_DIGITS else None


def rank_page(passed: Compiled, preferences: Preferences, first: int) -> list[tuple[Any, ...]]:
    """One page of the listings that pass, best fit first and equal fits by therapist id (as Listing.ranked)."""
    database = connections[Listing.objects.db]
    fit, fit_params = fit_sql(preferences, database.vendor)
    quote = database.ops.quote_name
    columns = ", ".join(quote(column) for column in PAGE_COLUMNS)
    sql = (
        f"SELECT {quote('therapist_id')}, {fit} AS fit, {columns} FROM {quote(Listing._meta.db_table)} "
        f"WHERE {passed.sql} ORDER BY fit DESC, {quote('therapist_id')} ASC LIMIT %s OFFSET %s"
    )  # noqa: S608 - names from our models, values as parameters
    with database.cursor() as cursor:
        cursor.execute(sql, [*fit_params, *passed.params, PAGE_SIZE, first])
        # float(): with no scale weighted the fit is the bare parameter 100.0, which PostgreSQL reads as a numeric.
        return [(row[0], float(row[1]), *row[2:]) for row in cursor.fetchall()]


@dataclass
class Kept:
    """What the shared cache held of a ranking when asked (under kept_keys), and what was made meanwhile to keep.

    A caller that asks the shared cache for more than the ranking (questionnaire.results_body, for the page it
    renders) looks everything up in one round trip, and keeps what was made in one more.
    """

    found: dict[str, Any]
    made: dict[str, Any] = field(default_factory=dict)


def kept_keys(key: str, asked: int | None) -> list[str]:
    """Where the ranking kept under `key` keeps its counts and, for a page number, that page."""
    return [f"{key}:counts", *([f"{key}:page:{asked}"] if asked is not None else [])]


def find_matches(
    client: Client, page_number: object = 1, state: tuple[int, int] | None = None, kept: Kept | None = None
) -> Results:
    """Ranked matches for one page of results, in a fixed number of queries whatever the directory size.

    Everything runs on the Listing table, one state's rows at a time. Each need's condition is
    compiled once by the ORM and reused as plain SQL: one aggregate counts, per filter, how many
    therapists it removed after the filters before it, and how many fail that filter alone (who
    would appear if it were relaxed); a second query ranks and slices; a third loads the page's
    therapists. The first two are kept a few minutes (ranking_key) and not run again meanwhile:
    both are looked for in one round trip to the shared cache, and what was made is kept in another.
    `state` is the directory's (directory_state) and `kept` what the shared cache holds under kept_keys, when the
    caller has just read them; a caller that passes `kept` keeps what `kept.made` holds.
    """
    filters = client_filters(client)
    preferences = client.preferences()
    published, stamp = state or directory_state()
    key = ranking_key(client, stamp, time_window())

    @functools.cache
    def sql() -> tuple[Compiled, list[Compiled]]:
        in_state = compiled(Q(state=client.state) if client.state else Q(primary=True))
        conditions = [compiled(each.condition, keep=not each.of_one_client) for each in filters]
        return in_state, conditions

    counts_key, asked = f"{key}:counts", asked_page(page_number)
    mine = kept is None
    kept = Kept(cache.get_many(kept_keys(key, asked))) if kept is None else kept
    totals = kept.found.get(counts_key)
    if totals is None:
        totals = kept.made[counts_key] = count_removals(sql()[0], filters, sql()[1])
    published = max(published, totals["in_state"])

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

    page = KnownCountPaginator((), PAGE_SIZE, totals["remaining"]).get_page(page_number)
    page_key = f"{key}:page:{page.number}"  # the page shown, which the one asked for may not be (past the end)
    scored = kept.found.get(page_key)
    if scored is None:
        in_state, conditions = sql()
        first = (page.number - 1) * PAGE_SIZE
        scored = kept.made[page_key] = rank_page(all_of([in_state, *conditions]), preferences, first)
    if mine and kept.made:
        cache.set_many(kept.made, RANKING_KEPT_SECONDS)
    page.object_list = scored
    therapists = {t.pk: t for t in instances(Therapist, "pk__in", [row[0] for row in scored], fields=CARD_FIELDS)}
    matches = []
    for pk, fit, languages_mask, insurance_mask, latitude, longitude, *points in scored:
        if pk in therapists:
            # Scored from the listing row, so explained from it too: a card never disagrees with itself.
            style = style_from(points[: len(DIMENSION_KEYS)], points[len(DIMENSION_KEYS) :])
            match = make_match(therapists[pk], fit, preferences, style)
            match.language_names = vocabulary.labels_in_mask(vocabulary.LANGUAGES, languages_mask)
            match.insurance_names = vocabulary.labels_in_mask(vocabulary.INSURANCE_PLANS, insurance_mask)
            match.office = None if latitude is None or longitude is None else (latitude, longitude)
            matches.append(match)
    return Results(page, matches, published, list(removals.values()), suggestion)
