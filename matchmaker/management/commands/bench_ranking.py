"""Benchmark the ranking against the naive approach and the database's own floor.

    manage.py bench_ranking --sizes 10000,100000,1000000 --clients 200

For each directory size (seeded or topped up as needed) and each of N random,
realistic questionnaires it times:
  (a) ranking as the results page runs it (matchmaker.matching.find.find_matches), every need compiled anew
      (nothing of matchmaker.matching.find.COMPILED kept, which a running server would have for most needs),
      reported again for in-person clients alone, whose results the distance filter cuts,
  (b) the whole results page through Django's test client, the first time it is asked for (nothing of
      this client's ranking kept: matchmaker.matching.find.kept_keys), with the CPU time of this process
      ("page_cpu", which leaves out the database's). "page" is a first visit to a running server: the needs the
      clients before this one asked for are compiled (matchmaker.matching.find.COMPILED), this client's own are
      not; "page_cold" is the same visit with no need compiled at all, as on a worker's very first request. Then
      again as a reload ("page_again", which finds the page kept in this process: questionnaire.results_body), and
      as a reload on another server ("page_elsewhere": this process's copy dropped, the sealed one in the shared
      cache opened),
  (c) the naive approach: every candidate loaded as a model and scored in Python
      with scoring.rank (skipped above --naive-limit therapists),
  (d) the floor: the very SQL statements of (a), replayed through a raw cursor,
  (e) the in-process floor ("numpy"): the client's state's rows already in memory as
      arrays (their six scales, low and high ends), every row scored with the same
      formula, the best 20 picked with argpartition and only those sorted. No database,
      no filters, no Python per row: what this machine needs at least to rank the state.
It prints p50/p95 per size and writes the same figures as JSON.
"""

from __future__ import annotations

import json
import random
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Q
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext

from matchmaker.dimensions import DIMENSIONS
from matchmaker.matching.find import COMPILED, find_matches
from matchmaker.matching.needs import client_filters
from matchmaker.scoring import SPAN, Preferences, rank
from matchmaker.worker_start import warm_and_freeze
from profiles import synthetic
from profiles.models import Listing, Therapist
from profiles.seeding import seed_directory, vacuum_analyze
from questionnaire.models import DISTANCES, Client
from questionnaire.results_body import BODIES, forget_kept_results

BENCH_SEED = 7
TOP = 20
LOW_FIELDS = tuple(dimension.key for dimension in DIMENSIONS)
HIGH_FIELDS = tuple(dimension.high_field for dimension in DIMENSIONS)


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def timed_with_cpu(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and this process's CPU milliseconds (Python's share; the database's is not in it)."""
    started, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


BY_POPULATION = sorted(synthetic.STATE_POPULATION, key=synthetic.STATE_POPULATION.__getitem__)
LARGEST_STATE = BY_POPULATION[-1]
MEDIAN_STATE = BY_POPULATION[len(BY_POPULATION) // 2]
STATES = (LARGEST_STATE, MEDIAN_STATE)


def random_answers(rng: random.Random, state: str | None = None) -> dict[str, Any]:
    """A realistic questionnaire: clients spread over states by population, most weight a few dimensions."""
    state = state or rng.choices(synthetic.ALL_STATES, weights=synthetic.ALL_STATE_WEIGHTS)[0]
    answers: dict[str, Any] = {
        "state": state,
        "session_format": rng.choices(["either", "online", "in_person"], weights=[5, 3, 2])[0],
    }
    if answers["session_format"] != "online":
        # Somewhere in their state, and how far they would travel: the distance filter runs for them.
        answers["zip_code"] = synthetic.office(rng, state)[0]  # clients live where offices cluster, in the cities
        answers["max_distance"] = rng.choice(DISTANCES)
    for dimension in DIMENSIONS:
        weighted = rng.random() < 0.7
        answers[dimension.point_field] = rng.randint(1, 7) if weighted else None
        answers[dimension.importance_field] = rng.choice([1, 2, 3]) if weighted else 0
    return answers


class StateArrays:
    """One state's listings as arrays: therapist ids, and each scale's low and high ends (rows × 6)."""

    def __init__(self, state: str) -> None:
        rows = list(Listing.objects.filter(state=state).values_list("therapist_id", *LOW_FIELDS, *HIGH_FIELDS))
        table = np.array(rows, dtype=np.int64).reshape(len(rows), 1 + 2 * len(DIMENSIONS))
        self.ids = np.ascontiguousarray(table[:, 0])
        self.lows = np.ascontiguousarray(table[:, 1 : 1 + len(DIMENSIONS)])
        self.highs = np.ascontiguousarray(table[:, 1 + len(DIMENSIONS) :])
        self.id_span = int(self.ids.max()) + 1 if len(rows) else 1


def array_top(arrays: StateArrays, preferences: Preferences) -> list[tuple[int, float]]:
    """The best TOP (therapist id, fit), in scoring.rank's order: fit descending, then id ascending."""
    points = np.array([preferences[key][0] or 0 for key in LOW_FIELDS], dtype=np.int64)
    weights = np.array([preferences[key][1] if preferences[key][0] else 0 for key in LOW_FIELDS], dtype=np.int64)
    total = int(weights.sum())
    # Distance to a range: how far below its low end or above its high end the point is, 0 inside it.
    gaps = np.maximum(np.maximum(arrays.lows - points, points - arrays.highs), 0)
    weighted = gaps @ weights
    order_key = weighted * arrays.id_span + arrays.ids  # smaller is better; equal gaps by id, exactly
    count = min(TOP, len(order_key))
    best = np.argpartition(order_key, count - 1)[:count] if len(order_key) > count else np.arange(count)
    best = best[np.argsort(order_key[best])]
    fits = 100.0 * (1.0 - weighted[best] / (SPAN * total)) if total else np.full(count, 100.0)
    return [(int(therapist_id), float(fit)) for therapist_id, fit in zip(arrays.ids[best], fits, strict=True)]


class Command(BaseCommand):
    help = "Time the ranking at several directory sizes against the naive approach and the raw SQL floor."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--sizes", default="10000,100000,1000000")
        parser.add_argument("--clients", type=int, default=200)
        parser.add_argument("--naive-limit", type=int, default=100_000)
        parser.add_argument("--output", default="bench/results/ranking.json")

    def handle(self, *args: Any, sizes: str, clients: int, naive_limit: int, output: str, **options: Any) -> None:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        report: dict[str, Any] = {"database": connection.vendor, "clients_per_size": clients, "sizes": {}}
        for size in (int(part) for part in sizes.split(",")):
            self.ensure_directory(size)
            report["sizes"][str(size)] = self.bench_size(size, clients, naive_limit)
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, indent=2))
        self.stdout.write(f"Wrote {path}")

    def ensure_directory(self, size: int) -> None:
        existing = Therapist.objects.filter(is_synthetic=True).count()
        if existing < size:
            self.stdout.write(f"Seeding {size - existing:,} therapists to reach {size:,} ...")
            started = time.perf_counter()
            seed_directory(size - existing, seed=BENCH_SEED * 1_000_003 + existing)
            self.stdout.write(f"  seeded in {time.perf_counter() - started:.1f} s")
            vacuum_analyze()
        elif existing > size:
            self.stdout.write(f"Note: the directory already holds {existing:,} seeded therapists (> {size:,}).")

    def bench_size(self, size: int, count: int, naive_limit: int) -> dict[str, Any]:
        rng = random.Random(size)
        made = [Client.create_with_token(**random_answers(rng)) for _ in range(count)]
        # Clients in the largest and in a median-sized state, for the results page's targets.
        in_largest = [Client.create_with_token(**random_answers(rng, LARGEST_STATE)) for _ in range(count // 4)]
        in_median = [Client.create_with_token(**random_answers(rng, MEDIAN_STATE)) for _ in range(count // 4)]
        http = HttpClient()
        warm_and_freeze()  # as each gunicorn worker does before its first request (gunicorn.conf.py)
        timings: dict[str, list[float]] = {
            "ranking": [],
            "in_person": [],
            "page_cold": [],
            "page_cold_cpu": [],
            "page": [],
            "page_cpu": [],
            "page_again": [],
            "page_again_cpu": [],
            "page_elsewhere": [],
            "page_elsewhere_cpu": [],
            "naive": [],
            "floor": [],
            "numpy": [],
            f"page_{LARGEST_STATE}": [],
            f"page_{MEDIAN_STATE}": [],
        }
        run_naive = size <= naive_limit
        arrays: dict[str, StateArrays] = {}  # loaded once per state, before any timing
        # What the clients timed so far left compiled, as a running server keeps it: the first visits start from it.
        compiled_by_others: OrderedDict[Hashable, Any] = OrderedDict()
        try:
            for client, token in made:
                find_matches(client)  # warm this client's plan and caches alike for every method
                forget_kept_results(client)  # every method below ranks anew, but the reload
                COMPILED.clear()  # and compiles every need anew, as for answers nobody gave before
                timings["ranking"].append(timed(lambda c=client: find_matches(c)))
                forget_kept_results(client)
                COMPILED.clear()
                if client.session_format == Client.SessionFormat.IN_PERSON:
                    # The same ranking again, for in-person clients alone: the distance filter's cost.
                    timings["in_person"].append(timings["ranking"][-1])
                # The first visit with no need compiled, the first visit to a running server, a reload, and a
                # reload on another server (nothing of the page in its memory, the sealed copy in the shared cache).
                for kind in ("page_cold", "page", "page_again", "page_elsewhere"):
                    if kind == "page":
                        forget_kept_results(client)
                        COMPILED.kept = OrderedDict(compiled_by_others)
                    if kind == "page_elsewhere":
                        BODIES.clear()
                    wall, cpu = timed_with_cpu(lambda t=token: http.get(Client.url_for(t)))
                    timings[kind].append(wall)
                    timings[f"{kind}_cpu"].append(cpu)
                    if kind == "page":
                        compiled_by_others = OrderedDict(COMPILED.kept)
                forget_kept_results(client)
                timings["floor"].append(self.floor(client))
                if client.state not in arrays:
                    arrays[client.state] = StateArrays(client.state)
                state, preferences = arrays[client.state], client.preferences()
                array_top(state, preferences)  # warm, as every other method is
                timings["numpy"].append(timed(lambda a=state, p=preferences: array_top(a, p)))
                if run_naive:
                    timings["naive"].append(timed(lambda c=client: self.naive(c)))
            for state, group in ((LARGEST_STATE, in_largest), (MEDIAN_STATE, in_median)):
                for grouped, token in group:
                    http.get(Client.url_for(token))
                    forget_kept_results(grouped)  # a first visit, with the templates warm
                    COMPILED.clear()
                    timings[f"page_{state}"].append(timed(lambda t=token: http.get(Client.url_for(t))))
        finally:
            everyone = made + in_largest + in_median
            Client.objects.filter(pk__in=[client.pk for client, _ in everyone]).delete()
        summary = {
            name: {"p50_ms": percentile(samples, 0.5), "p95_ms": percentile(samples, 0.95), "n": len(samples)}
            for name, samples in timings.items()
            if samples
        }
        ranking_p50 = summary["ranking"]["p50_ms"]
        summary["ratios"] = {
            "ranking_over_floor_p50": ranking_p50 / summary["floor"]["p50_ms"],
            "floor_over_numpy_p50": summary["floor"]["p50_ms"] / summary["numpy"]["p50_ms"],
            "page_over_numpy_p50": summary["page"]["p50_ms"] / summary["numpy"]["p50_ms"],
            "page_over_floor_p50": summary["page"]["p50_ms"] / summary["floor"]["p50_ms"],
            "page_cold_over_floor_p50": summary["page_cold"]["p50_ms"] / summary["floor"]["p50_ms"],
            "page_again_over_floor_p50": summary["page_again"]["p50_ms"] / summary["floor"]["p50_ms"],
            "page_elsewhere_over_floor_p50": summary["page_elsewhere"]["p50_ms"] / summary["floor"]["p50_ms"],
            "naive_over_ranking_p50": (summary["naive"]["p50_ms"] / ranking_p50) if run_naive else None,
        }
        self.print_table(size, summary, run_naive, naive_limit)
        return summary

    def floor(self, client: Client) -> float:
        """The SQL statements find_matches runs, replayed through a raw cursor, timed together."""
        with CaptureQueriesContext(connection) as captured:
            find_matches(client)
        statements = [query["sql"] for query in captured.captured_queries]
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()
        return (time.perf_counter() - started) * 1000

    def naive(self, client: Client) -> list[tuple[int, float]]:
        """Every candidate as a model instance, scored in Python."""
        passed = Q()
        for directory_filter in client_filters(client):
            passed &= directory_filter.condition
        fitting = Listing.objects.filter(state=client.state).filter(passed).values("therapist_id")
        candidates = list(Therapist.objects.filter(pk__in=fitting))
        return rank(client.preferences(), [(t.pk, t.style()) for t in candidates])[:20]

    def print_table(self, size: int, summary: dict[str, Any], run_naive: bool, naive_limit: int) -> None:
        self.stdout.write(f"\n{size:,} therapists ({connection.vendor})")
        self.stdout.write(f"{'method':<20}{'p50 ms':>10}{'p95 ms':>10}")
        self.stdout.write(f"(page_XX: results pages of clients in {LARGEST_STATE}, the largest state, and in")
        self.stdout.write(f" {MEDIAN_STATE}, a median-sized one)")
        self.stdout.write("(in_person: the ranking timings of in-person clients alone, with the distance filter)")
        self.stdout.write("(numpy: the state's rows scored in memory with arrays, top 20 by argpartition)")
        self.stdout.write("(page: a first visit to a running server; page_cold: the same with no need compiled yet;")
        self.stdout.write(" page_again: a reload; page_elsewhere: a reload on another server;")
        self.stdout.write(" *_cpu: this process's CPU, not the database's)")
        names = (
            "ranking", "in_person", "page_cold", "page_cold_cpu", "page", "page_cpu", "page_again", "page_again_cpu",
            "page_elsewhere", "page_elsewhere_cpu", "naive", "floor", "numpy",
        )  # fmt: skip
        for name in (*names, *(f"page_{state}" for state in STATES)):
            if name in summary:
                row = summary[name]
                self.stdout.write(f"{name:<20}{row['p50_ms']:>10.2f}{row['p95_ms']:>10.2f}")
        ratios = summary["ratios"]
        self.stdout.write(f"ranking / floor (p50): {ratios['ranking_over_floor_p50']:.2f}x")
        self.stdout.write(f"floor / numpy (p50): {ratios['floor_over_numpy_p50']:.1f}x")
        self.stdout.write(f"page / numpy (p50): {ratios['page_over_numpy_p50']:.1f}x")
        self.stdout.write(f"page / floor (p50): {ratios['page_over_floor_p50']:.1f}x")
        self.stdout.write(f"page_cold / floor (p50): {ratios['page_cold_over_floor_p50']:.1f}x")
        self.stdout.write(f"page_again / floor (p50): {ratios['page_again_over_floor_p50']:.1f}x")
        self.stdout.write(f"page_elsewhere / floor (p50): {ratios['page_elsewhere_over_floor_p50']:.1f}x")
        if run_naive:
            self.stdout.write(f"naive / ranking (p50): {ratios['naive_over_ranking_p50']:.1f}x faster than naive")
        else:
            self.stdout.write(f"naive skipped above {naive_limit:,} therapists (it would load every candidate)")
