"""`manage.py check --deploy` with the README's production settings finds nothing at all; a console
email backend in production is an error, so emails are never silently printed instead of sent."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "matchmaker.example",
    "CSRF_TRUSTED_ORIGINS": "https://matchmaker.example",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_COOKIES": "true",
    "TRUSTED_PROXY_COUNT": "1",
    # Rate limits must be counted in a cache every app server shares (the Redis that CI runs locally).
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def check_deploy(tmp_path: Path, **overrides: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", ""), "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}"}
    env |= PRODUCTION | overrides
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_finds_no_warning_and_no_error_with_the_production_settings(tmp_path: Path) -> None:
    result = check_deploy(tmp_path)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output
    assert "no issues" in output


def test_it_fails_when_rate_limits_would_be_counted_per_process(tmp_path: Path) -> None:
    result = check_deploy(tmp_path, REDIS_URL="")

    assert result.returncode != 0
    assert "django_ratelimit.E003" in result.stderr


def test_it_fails_when_production_would_print_emails_instead_of_sending_them(tmp_path: Path) -> None:
    result = check_deploy(tmp_path, EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")

    assert result.returncode != 0
    assert "mail.E001" in result.stderr
