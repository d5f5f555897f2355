"""Settings refuse to start in production mode without a secret key, and read the database from DATABASE_URL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

SHOW_SETTINGS = (
    "import django; from django.conf import settings; django.setup(); "
    "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'], settings.SECRET_KEY, sep='|')"
)

CLEARED = ("DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "EMAIL_BACKEND")


def load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    """Import the settings in a fresh interpreter with only the given variables set (besides the basics)."""
    environment = {name: value for name, value in os.environ.items() if name not in CLEARED}
    environment["DJANGO_SETTINGS_MODULE"] = "matchmaker.settings"
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_without_debug_or_a_secret_key() -> None:
    result = load_settings()
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_it_refuses_an_empty_secret_key_with_debug_off() -> None:
    result = load_settings(SECRET_KEY="", DEBUG="false")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_it_starts_with_a_development_key_when_debug_is_on() -> None:
    result = load_settings(DEBUG="true")
    assert result.returncode == 0, result.stderr
    debug, engine, secret_key = result.stdout.strip().split("|")
    assert debug == "True"
    assert engine == "django.db.backends.sqlite3"
    assert secret_key


def test_it_starts_in_production_mode_with_a_secret_key() -> None:
    result = load_settings(SECRET_KEY="a-real-secret-from-the-environment")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "False",
        "django.db.backends.sqlite3",
        "a-real-secret-from-the-environment",
    ]


def test_it_refuses_a_debug_value_that_is_not_a_boolean() -> None:
    result = load_settings(DEBUG="maybe", SECRET_KEY="x")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_a_postgres_database_url_selects_the_postgresql_engine() -> None:
    result = load_settings(DEBUG="true", DATABASE_URL="postgres://matchmaker:secret@db.example:5432/matchmaker")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|")[1] == "django.db.backends.postgresql"
