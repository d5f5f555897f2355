"""Bootstrap's stylesheet trimmed to the rules our pages can use, built from the pinned package.

The full bootstrap.min.css is 232 KB (23 KB brotli); the pages use a small part of it. The trimmed
file keeps, conservatively, every rule whose class names all appear as a word somewhere in the
sources that can put a class on a page: our templates, scripts and Python, and the templates
crispy-forms and Django's forms render from. A word ending in "-" (as in `alert-{{ tag }}` or
f"text-{colour}") keeps every class it begins. Rules without a class (the reset, element styles,
variables, fonts, keyframes) are always kept, and a class inside `:not(...)` is not required.

`TrimmedBootstrapFinder` is a staticfiles finder: `collectstatic` (and the development server)
find `vendor/bootstrap/css/bootstrap.trimmed.css` through it, so the file is built from the
installed package wherever static files are gathered, with no step to forget. It is rebuilt when a
source changes. tests/test_trimmed_bootstrap_keeps_every_class_the_pages_use.py renders every page
and checks that each Bootstrap class on it survived.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import crispy_bootstrap5
import crispy_forms
import django
from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage
from xstatic.pkg import bootstrap

TRIMMED_PATH = "vendor/bootstrap/css/bootstrap.trimmed.css"
FULL_CSS = Path(bootstrap.BASE_DIR) / "css" / "bootstrap.min.css"
SOURCE_SUFFIXES = (".html", ".py", ".js", ".txt")

WORD = re.compile(r"[A-Za-z][\w-]*")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
NOT = re.compile(r":not\([^)]*\)")
GROUPS = ("@media", "@supports", "@container", "@layer")


def source_roots() -> list[Path]:
    base = Path(settings.BASE_DIR)
    roots = [base / name for name in ("templates", "static/js", "matchmaker", "profiles", "questionnaire")]
    roots += [Path(crispy_bootstrap5.__file__).parent, Path(crispy_forms.__file__).parent]
    roots.append(Path(django.__file__).parent / "forms")
    return roots


def source_files() -> list[Path]:
    return sorted(
        path for root in source_roots() for path in root.rglob("*") if path.suffix in SOURCE_SUFFIXES and path.is_file()
    )


def used_words(files: list[Path]) -> tuple[set[str], tuple[str, ...]]:
    """Every word in the sources, and those ending in "-" (the start of a class built at run time)."""
    words: set[str] = set()
    for path in files:
        words.update(WORD.findall(path.read_text(errors="ignore")))
    return words, tuple(sorted(word for word in words if word.endswith("-")))


def top_level_rules(text: str) -> list[str]:
    """A stylesheet (or a group's body) split into its rules and at-rules, nesting kept whole."""
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


def classes_in(selector: str) -> list[str]:
    """The classes an element must have for the selector to match (those inside :not() excluded)."""
    return CLASS.findall(NOT.sub("", selector))


def trim_rule(rule: str, used: set[str], prefixes: tuple[str, ...]) -> str | None:
    head, _, body = rule.partition("{")
    if rule.startswith(GROUPS):
        inner = "".join(kept for part in top_level_rules(body[:-1]) if (kept := trim_rule(part, used, prefixes)))
        return f"{head}{{{inner}}}" if inner else None
    if rule.startswith("@"):
        return rule  # @charset, @font-face, @keyframes: kept whole
    selectors = [
        selector
        for selector in head.split(",")
        if all(name in used or name.startswith(prefixes) for name in classes_in(selector))
    ]
    return f"{','.join(selectors)}{{{body}" if selectors else None


def trim(css: str, used: set[str], prefixes: tuple[str, ...]) -> str:
    # The source map describes the full file, not this one.
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    return "".join(rule for part in top_level_rules(css) if (rule := trim_rule(part, used, prefixes)))


def defined_classes(css: str) -> set[str]:
    """Every class a stylesheet styles: named in a selector, outside `:not(...)`."""
    selectors = re.sub(r"\{[^{}]*\}", "{}", css)
    return set(classes_in(selectors))


def build() -> str:
    used, prefixes = used_words(source_files())
    return trim(FULL_CSS.read_text(), used, prefixes)


class TrimmedBootstrapFinder(BaseFinder):
    """Finds bootstrap.trimmed.css, built from the installed Bootstrap and our sources."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stamp: tuple[int, int] | None = None
        self._location: Path | None = None

    def built_location(self) -> Path:
        """The folder holding the current trimmed file; rebuilt when a source (or Bootstrap) changed."""
        files = source_files()
        stamp = (len(files), max(os.stat(path).st_mtime_ns for path in [FULL_CSS, *files]))
        if self._location is None or stamp != self._stamp:
            css = build()
            digest = hashlib.sha256(css.encode()).hexdigest()[:16]
            location = Path(tempfile.gettempdir()) / "matchmaker-bootstrap" / digest
            target = location / TRIMMED_PATH
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_suffix(f".{os.getpid()}.part")
                partial.write_text(css)
                partial.replace(target)  # atomic: another process never reads half a file
            self._location, self._stamp = location, stamp
        return self._location

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> str | list[str]:
        if path != TRIMMED_PATH:
            return [] if find_all else ""
        found = str(self.built_location() / TRIMMED_PATH)
        return [found] if find_all else found

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        yield TRIMMED_PATH, FileSystemStorage(location=self.built_location())

    def check(self, **kwargs: Any) -> list[Any]:
        return []
