"""Static files as whitenoise serves them (hashed names, compressed copies), with each URL worked out once.

Every {% static %} looks its name up in the manifest, then joins and quotes a URL: about 25 µs, five times on
every page. The manifest is read when the process starts and does not change while it runs, so a name's URL
is kept after the first time it is asked for.
"""

from __future__ import annotations

from typing import Any

from whitenoise.storage import CompressedManifestStaticFilesStorage

# Names come from our templates and code, not from requests; the bound is only a guard.
MOST_URLS_KEPT = 1_000


class KeptURLStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kept_urls: dict[str, str] = {}

    def url(self, name: str | None, force: bool = False) -> str:
        if force or name is None:
            return super().url(name, force)
        found = self.kept_urls.get(name)
        if found is None:
            found = super().url(name)  # a name missing from the manifest raises here, and nothing is kept
            if len(self.kept_urls) < MOST_URLS_KEPT:
                self.kept_urls[name] = found
        return found
