"""A rate limit setting that is not a rate stops the app at start, naming the variable, instead of failing later."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHOW = "import django; from django.conf import settings; django.setup(); print(settings.{name})"


def start_with(value: str, name: str = "RATE_LIMIT_LOGINS") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "matchmaker.settings", "DEBUG": "true"}
    environment[name] = value
    return subprocess.run(
        [sys.executable, "-c", SHOW.format(name=name)],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
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


def test_the_email_change_limit_is_read_and_checked_the_same_way() -> None:
    refused = start_with("three", name="RATE_LIMIT_EMAIL_CHANGES")
    assert refused.returncode != 0
    assert "RATE_LIMIT_EMAIL_CHANGES must be a rate like 10/h or 20/10m" in refused.stderr

    assert start_with("", name="RATE_LIMIT_EMAIL_CHANGES").stdout.strip() == "3/h"
    assert start_with("5/d", name="RATE_LIMIT_EMAIL_CHANGES").stdout.strip() == "5/d"
