"""Read back what a rendered form shows, as a person would see it chosen or typed."""

from __future__ import annotations

from html.parser import HTMLParser

TYPED_INPUTS = {"text", "number", "email", "tel"}


class FormValues(HTMLParser):
    """Checked radios and boxes, selected options and typed values, by field name."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, set[str]] = {}
        self._select: str | None = None

    def add(self, name: str | None, value: str | None) -> None:
        self.values.setdefault(name or "", set()).add(value or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") in ("radio", "checkbox"):
            if "checked" in attributes:
                # A box without a value attribute is sent as "on", as browsers do.
                self.add(attributes.get("name"), attributes.get("value", "on"))
        elif tag == "input" and attributes.get("type") in TYPED_INPUTS and attributes.get("value"):
            self.add(attributes.get("name"), attributes.get("value"))
        elif tag == "select":
            self._select = attributes.get("name")
        elif tag == "option" and self._select and "selected" in attributes:
            self.add(self._select, attributes.get("value"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def chosen(html: str) -> dict[str, set[str]]:
    parser = FormValues()
    parser.feed(html)
    return parser.values
