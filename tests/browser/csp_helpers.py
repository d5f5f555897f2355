"""Collect what a browser tab reports as Content-Security-Policy violations."""

from __future__ import annotations

from typing import Any

REPORTER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sample || ""));
});
"""


def watch_for_violations(page: Any) -> list[str]:
    """Start collecting on every page the tab opens; the console's own CSP messages are collected too."""
    console: list[str] = []
    page.add_init_script(REPORTER)
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    return console


def violations(page: Any, console: list[str]) -> list[str]:
    return list(page.evaluate("window.__violations || []")) + console
