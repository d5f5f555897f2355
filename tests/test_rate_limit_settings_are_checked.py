"""A rate limit setting that is not a rate stops the app at start, naming the variable, instead of failing later."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHOW = "import django; from django.conf import settings; django.setup(); print(settings.RATE_LIMIT_LOGINS)"


def start_with(value: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "matchmaker.settings", "DEBUG": "true"}
    environment["RATE_LIMIT_LOGINS"] = value
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("value", ["ten", "10", "10/week", "0/h", "10/0m", "/h"])
def test_it_refuses_a_value_that_is_not_a_rate(value: str) -> None:
    result = start_with(value)

    assert result.returncode != 0
    assert "RATE_LIMIT_LOGINS must be a rate like 10/h or 20/10m" in result.stderr


@pytest.mark.parametrize("value", ["5/m", "20/10m", "3/d", ""])
def test_it_reads_a_rate_or_falls_back_to_the_default(value: str) -> None:
    result = start_with(value)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (value or "20/10m")
