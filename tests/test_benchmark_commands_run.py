"""The benchmark and load-test preparation commands keep working (on a tiny directory, without timing claims)."""

from __future__ import annotations

import gc
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from profiles.models import Listing, Therapist
from questionnaire.models import Client

pytestmark = pytest.mark.django_db(transaction=True)


def test_seed_directory_creates_published_listed_therapists_deterministically():
    call_command("seed_directory", therapists=40, seed=3, stdout=StringIO())
    first = list(Therapist.objects.order_by("pk").values_list("name", "directness", "fee"))
    Therapist.objects.all().delete()
    call_command("seed_directory", therapists=40, seed=3, stdout=StringIO())
    again = list(Therapist.objects.order_by("pk").values_list("name", "directness", "fee"))

    assert first == again
    assert Therapist.objects.published().filter(is_synthetic=True).count() == 40
    assert Listing.objects.filter(primary=True).count() == 40


def test_bench_ranking_grows_the_directory_times_every_method_and_writes_json(tmp_path: Path):
    output = tmp_path / "ranking.json"
    printed = StringIO()

    try:
        call_command("bench_ranking", sizes="30,60", clients=4, naive_limit=30, output=str(output), stdout=printed)
        assert gc.get_freeze_count() > 0  # it froze what was loaded, as a gunicorn worker does
    finally:
        gc.unfreeze()

    report = json.loads(output.read_text())
    assert set(report["sizes"]) == {"30", "60"}
    assert {"ranking", "page", "page_cold", "naive", "floor", "numpy"} <= set(report["sizes"]["30"])
    assert report["sizes"]["60"]["numpy"]["n"] == 4
    assert "floor_over_numpy_p50" in report["sizes"]["60"]["ratios"]
    assert "naive" not in report["sizes"]["60"]  # above the naive limit
    assert report["sizes"]["30"]["ranking"]["n"] == 4
    assert "naive skipped above 30 therapists" in printed.getvalue()
    numpy_rows = [line.split() for line in printed.getvalue().splitlines() if line.startswith("numpy ")]
    assert len(numpy_rows) == 2  # one row per size: name, p50, p95
    assert all(len(row) == 3 and float(row[1]) <= float(row[2]) for row in numpy_rows)
    assert Therapist.objects.filter(is_synthetic=True).count() == 60
    assert Client.objects.count() == 0  # the benchmark's clients are removed again


def test_prepare_loadtest_lists_paths_of_every_kind(tmp_path: Path):
    output = tmp_path / "paths.json"

    call_command("prepare_loadtest", therapists=25, clients=3, profiles=5, output=str(output), stdout=StringIO())

    paths = json.loads(output.read_text())
    assert len(paths["results"]) == 3
    assert all(path.startswith("/c/") for path in paths["results"])
    assert len(paths["profile"]) == 5
    assert "/" in paths["home"]
