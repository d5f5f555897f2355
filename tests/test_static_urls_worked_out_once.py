"""In production a static file's URL carries its hash from the manifest, and is worked out once per process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matchmaker.static_storage import KeptURLStaticFilesStorage


def storage_with_manifest(root: Path, paths: dict[str, str]) -> KeptURLStaticFilesStorage:
    (root / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1", "hash": "x"}))
    return KeptURLStaticFilesStorage(location=root, base_url="/static/")


def test_a_url_carries_the_hashed_name_and_is_kept(tmp_path: Path) -> None:
    storage = storage_with_manifest(tmp_path, {"css/site.css": "css/site.0123abcd.css"})

    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    storage.hashed_files = {"css/site.css": "css/site.ffffffff.css"}  # the manifest is not read again
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert storage.url("css/site.css", force=True) == "/static/css/site.ffffffff.css"  # force looks it up anew


def test_a_name_missing_from_the_manifest_still_fails_and_nothing_is_kept(tmp_path: Path) -> None:
    storage = storage_with_manifest(tmp_path, {"css/site.css": "css/site.0123abcd.css"})

    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        storage.url("css/missing.css")
    assert "css/missing.css" not in storage.kept_urls
