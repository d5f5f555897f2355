"""With REDIS_URL set, cache and sessions live in Redis, so app servers hold no state of their own."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import uuid

import pytest

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_is_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def test_it_keeps_cache_and_sessions_in_redis_when_configured():
    if not redis_is_up():
        if os.environ.get("CI") == "true":
            pytest.fail("Redis is expected on 127.0.0.1:6379 in CI.")
        pytest.skip("Redis is not running on 127.0.0.1:6379.")
    key = f"matchmaker-test-{uuid.uuid4().hex}"
    script = textwrap.dedent(
        f"""
        import django
        django.setup()
        from django.conf import settings
        from django.core.cache import cache
        from django.contrib.sessions.backends.cache import SessionStore
        import redis

        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache"), settings.CACHES
        assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cache"
        cache.set("{key}", "shared", 30)
        session = SessionStore()
        session["hello"] = "there"
        session.save()
        # Read back through a separate, plain Redis connection: the data really is in Redis.
        raw = redis.Redis.from_url("{REDIS_URL}")
        assert any(k.decode().endswith("{key}") for k in raw.keys("*{key}")), "cache key not in Redis"
        assert SessionStore(session.session_key)["hello"] == "there"
        cache.delete("{key}")
        session.delete()
        print("ok")
        """
    )
    env = {**os.environ, "REDIS_URL": REDIS_URL, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "matchmaker.settings"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
