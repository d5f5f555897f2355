"""How much smaller the trimmed Bootstrap stylesheet is than the full one, on the wire.

    DEBUG=true .venv/bin/python bench/css_usage.py

Builds the trimmed file the way the site does (matchmaker.bootstrap_css) and prints both sizes:
raw, gzip -9 and brotli -q 11.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import brotli
import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchmaker.settings")
django.setup()

from matchmaker.bootstrap_css import FULL_CSS, build  # noqa: E402  (needs the settings above)


def sizes(data: bytes) -> str:
    packed_gzip, packed_brotli = gzip.compress(data, 9), brotli.compress(data, quality=11)
    return f"raw {len(data):>7,}  gzip {len(packed_gzip):>6,}  brotli {len(packed_brotli):>6,}"


def main() -> int:
    print(f"full     {sizes(FULL_CSS.read_bytes())}")
    print(f"trimmed  {sizes(build().encode())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
