"""A small in-process memory for work that many requests repeat: bounded, optionally for a while only.

It lives in one worker process and dies with it: nothing is written anywhere, and a key must hold
every input the kept value depends on (or an expiry must bound how stale it can get).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable


class Memo[Value]:
    """At most `size` values, the oldest dropped first; with `seconds`, each one forgotten after that long."""

    def __init__(self, size: int, seconds: float | None = None) -> None:
        self.size = size
        self.seconds = seconds
        self.kept: dict[Hashable, tuple[float, Value]] = {}
        self.lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Value]) -> Value:
        """The value kept under `key`, or `make()` kept under it now."""
        now = time.monotonic()
        found = self.kept.get(key)
        if found is not None and (self.seconds is None or now - found[0] < self.seconds):
            return found[1]
        value = make()
        with self.lock:
            self.kept.pop(key, None)  # a fresh entry goes to the end of the line
            while len(self.kept) >= self.size:
                self.kept.pop(next(iter(self.kept)))
            self.kept[key] = (now, value)
        return value

    def __len__(self) -> int:
        return len(self.kept)

    def clear(self) -> None:
        with self.lock:
            self.kept.clear()
