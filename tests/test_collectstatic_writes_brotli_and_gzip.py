"""collectstatic writes hashed names and a brotli and a gzip copy of each text file, for whitenoise to serve,
the trimmed Bootstrap stylesheet included."""

from __future__ import annotations

import gzip
import shutil
from io import StringIO
from pathlib import Path

import brotli
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from xstatic.pkg import bootstrap as xstatic_bootstrap

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "matchmaker.static_storage.KeptURLStaticFilesStorage"},
}


def test_it_writes_brotli_and_gzip_copies_under_hashed_names(tmp_path: Path) -> None:
    # Our own files and Bootstrap's stylesheet with its map; the rest of the package and the admin's files
    # would only make the test slow (brotli at its best level takes its time).
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    for name in ("bootstrap.min.css", "bootstrap.min.css.map"):
        shutil.copy(Path(xstatic_bootstrap.BASE_DIR) / "css" / name, vendor / name)
    root = tmp_path / "static_root"
    with override_settings(
        STATIC_ROOT=root,
        STORAGES=PRODUCTION_STORAGES,
        STATICFILES_FINDERS=[
            "django.contrib.staticfiles.finders.FileSystemFinder",
            "matchmaker.bootstrap_css.TrimmedBootstrapFinder",
        ],
        STATICFILES_DIRS=[settings.BASE_DIR / "static", ("vendor/bootstrap/css", vendor)],
    ):
        call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())

    hashed = sorted((root / "vendor/bootstrap/css").glob("bootstrap.min.*.css"))
    assert len(hashed) == 1, hashed  # one name with the file's hash in it
    original = hashed[0].read_bytes()
    packed_br = Path(f"{hashed[0]}.br").read_bytes()
    packed_gz = Path(f"{hashed[0]}.gz").read_bytes()
    assert brotli.decompress(packed_br) == original
    assert gzip.decompress(packed_gz) == original
    assert len(packed_br) < len(packed_gz) < len(original) / 4

    site_css = list((root / "css").glob("site.*.css.br"))
    assert len(site_css) == 1, site_css
    trimmed = list((root / "vendor/bootstrap/css").glob("bootstrap.trimmed.*.css.br"))
    assert len(trimmed) == 1, trimmed  # the stylesheet the pages link, built and compressed on the way
