"""The Redis cache builds one client per connection pool, and that client serves many threads at once."""

from __future__ import annotations

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from matchmaker.redis_cache import SharedClientRedisCache
from tests.test_runs_with_redis_cache import REDIS_URL, redis_is_up


@pytest.fixture
def redis_cache() -> SharedClientRedisCache:
    if not redis_is_up():
        if os.environ.get("CI") == "true":
            pytest.fail("Redis is expected on 127.0.0.1:6379 in CI.")
        pytest.skip("Redis is not running on 127.0.0.1:6379.")
    return SharedClientRedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})


def test_one_client_is_built_and_reused(redis_cache: SharedClientRedisCache) -> None:
    redis_cache.set("a", {"n": 1}, 30)
    first = redis_cache._cache.get_client()

    assert redis_cache.get("a") == {"n": 1}
    assert redis_cache._cache.get_client() is first
    assert redis_cache._cache.get_client(write=True) is first  # one server: reads and writes share its pool
    redis_cache.delete("a")
    assert redis_cache.get("a") is None


def test_threads_share_the_client_without_mixing_answers(redis_cache: SharedClientRedisCache) -> None:
    def round_trip(number: int) -> int:
        redis_cache.set(f"n{number}", number, 30)
        return redis_cache.get(f"n{number}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(round_trip, range(200)))

    assert answers == list(range(200))
    redis_cache.delete_many([f"n{number}" for number in range(200)])
