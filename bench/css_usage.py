"""How much of Bootstrap's stylesheet the pages use, and what trimming it would save on the wire.

    DEBUG=true .venv/bin/python bench/css_usage.py

Reads the pinned bootstrap.min.css (XStatic-Bootstrap) and keeps, conservatively, every rule whose
class names all appear as a word somewhere in the templates, our JavaScript, our Python, or the
templates crispy-forms and Django's forms render from (so a class built in Python or toggled by a
script counts as used; a word followed by "-", like `alert-{{ tag }}`, keeps every class it starts).
Rules without a class (the reset, element styles, variables, fonts, keyframes) are always kept.
It prints the size of the full file and of that trimmed one: raw, gzip -9 and brotli -q 11.
A measurement only: the site serves the full file (see the notes on why).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import brotli
import crispy_bootstrap5
import crispy_forms
import django
from xstatic.pkg import bootstrap

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[A-Za-z][\w-]*")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
GROUPS = ("@media", "@supports", "@container", "@layer")


def words_in_sources() -> tuple[set[str], tuple[str, ...]]:
    roots = [ROOT / name for name in ("templates", "static/js", "matchmaker", "profiles", "questionnaire")]
    roots += [Path(crispy_bootstrap5.__file__).parent, Path(crispy_forms.__file__).parent]
    roots.append(Path(django.__file__).parent / "forms")
    words: set[str] = set()
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix in (".html", ".py", ".js", ".txt"):
                words.update(WORD.findall(path.read_text(errors="ignore")))
    prefixes = tuple(word for word in words if word.endswith("-"))
    return words, prefixes


def top_level_rules(text: str) -> list[str]:
    rules, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append(text[start : index + 1])
                start = index + 1
        elif char == ";" and depth == 0:
            rules.append(text[start : index + 1])
            start = index + 1
    return rules


def trimmed(rule: str, used: set[str], prefixes: tuple[str, ...]) -> str | None:
    head, _, body = rule.partition("{")
    if rule.startswith(GROUPS):
        inner = "".join(kept for part in top_level_rules(body[:-1]) if (kept := trimmed(part, used, prefixes)))
        return f"{head}{{{inner}}}" if inner else None
    if rule.startswith("@"):
        return rule  # @charset, @font-face, @keyframes: kept whole
    selectors = [
        selector
        for selector in head.split(",")
        if all(name in used or name.startswith(prefixes) for name in CLASS.findall(selector))
    ]
    return f"{','.join(selectors)}{{{body}" if selectors else None


def sizes(data: bytes) -> str:
    packed_gzip, packed_brotli = gzip.compress(data, 9), brotli.compress(data, quality=11)
    return f"raw {len(data):>7,}  gzip {len(packed_gzip):>6,}  brotli {len(packed_brotli):>6,}"


def main() -> int:
    full = (Path(bootstrap.BASE_DIR) / "css" / "bootstrap.min.css").read_text()
    used, prefixes = words_in_sources()
    kept = "".join(rule for part in top_level_rules(full) if (rule := trimmed(part, used, prefixes)))
    print(f"bootstrap.min.css {bootstrap.VERSION}")
    print(f"  full     {sizes(full.encode())}")
    print(f"  trimmed  {sizes(kept.encode())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
