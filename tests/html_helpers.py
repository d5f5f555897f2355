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


class Tables(HTMLParser):
    """Every table's rows as the text of their cells, by the table's caption."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption: list[str] | None = None
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._caption is not None:
            self.caption = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None and self._rows:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[self.caption] = self._rows
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._caption is not None:
            self._caption.append(data)
        if self._cell is not None:
            self._cell.append(data)


def table_rows(html: str, caption: str) -> list[list[str]]:
    """The rows of the table with this caption, header row first, each cell's text with spaces tidied."""
    parser = Tables()
    parser.feed(html)
    return parser.tables[caption]


def from_results(url: str, token: str) -> str:
    """A link to `url` as the results page (/c/<token>/) writes it: relative to itself, in quotes, without the token."""
    results = f"/c/{token}/"
    assert url.startswith(results), url
    return f'"{url.removeprefix(results)}'
