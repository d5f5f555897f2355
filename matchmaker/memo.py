"""A small in-process memory for work that many requests repeat: bounded, optionally for a while only.

It lives in one worker process and dies with it: nothing is written anywhere, and a key must hold
every input the kept value depends on (or an expiry must bound how stale it can get).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable


class Memo[Value]:
    """At most `size` values, the least recently used dropped first; with `seconds`, each forgotten after that long."""

    def __init__(self, size: int, seconds: float | None = None) -> None:
        self.size = size
        self.seconds = seconds
        self.kept: OrderedDict[Hashable, tuple[float, Value]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Value]) -> Value:
        """The value kept under `key`, or `make()` kept under it now."""
        now = time.monotonic()
        with self.lock:
            found = self.kept.get(key)
            if found is not None and (self.seconds is None or now - found[0] < self.seconds):
                self.kept.move_to_end(key)
                return found[1]
        value = make()  # outside the lock: two threads may make the same value, and one of them is kept
        with self.lock:
            self.kept[key] = (now, value)
            self.kept.move_to_end(key)
            while len(self.kept) > self.size:
                self.kept.popitem(last=False)
            if self.seconds is not None:  # let go of what has expired at the old end, rather than wait to be asked
                while self.kept and now - next(iter(self.kept.values()))[0] >= self.seconds:
                    self.kept.popitem(last=False)
        return value

    def forget(self, matches: Callable[[Hashable], bool]) -> None:
        """Drop every value whose key `matches`."""
        with self.lock:
            for key in [key for key in self.kept if matches(key)]:
                del self.kept[key]

    def __len__(self) -> int:
        return len(self.kept)

    def clear(self) -> None:
        with self.lock:
            self.kept.clear()
