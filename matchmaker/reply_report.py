"""Whether therapists answer the people who write to them: the figures behind the admin's replies page.

Everything but ``request_rows`` and ``csv_text`` works on plain rows (``Sent``) and needs no database,
so each rule below can be checked by hand.

- A request *counts* ("is due") once the therapist has answered it (a reply, marking it answered, or
  closing it) or once DUE_AFTER has passed since it was sent.
- A request the client closed before any answer, and before DUE_AFTER had passed, is left out: they
  withdrew. A client who closes (or deletes everything) after waiting longer than that unanswered was
  not answered in time, and the request counts as unanswered.
- Reply rate = answered ÷ due; the median time to a first reply is taken over the answered ones.
- The state rows and the "what they asked for" groups describe clients, so a group with fewer than
  MIN_SHOWN requests shows no figures, and neither does the next smallest group of the same table when
  it would otherwise be the only one hidden (its figures would follow by subtraction). Requests from
  clients who deleted everything carry no asks any more: they count for the therapist, not in those tables.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from matchmaker.alliance import replies
from matchmaker.vocabulary import STATE_NAMES

# How long a therapist has to answer before an unanswered request counts against them: the same 3 days after
# which the client is nudged and the therapist reminded.
DUE_AFTER = replies.DUE_AFTER
# The state rows and the groups by what clients asked for show figures only from this many requests on.
MIN_SHOWN = 5
# A published listing with at least this many requests due and none answered is listed as never answering.
SILENT_AFTER = 3

HIDDEN_WORDS = f"fewer than {MIN_SHOWN}"
LEFT_WORDS = "(left Matchmaker)"


@dataclass(frozen=True)
class Sent:
    """One consultation request, as much of it as the figures need."""

    therapist_id: int | None
    therapist_name: str
    created_at: datetime
    first_reply_at: datetime | None = None
    closed_at: datetime | None = None
    closed_by: str = ""
    client_deleted: bool = False
    published: bool = True
    synthetic: bool = False
    asked_state: str = ""
    asked_format: str = ""
    asked_sliding_scale: bool = False
    asked_insurance: bool = False
    asked_language: bool = False

    @property
    def withdrawn(self) -> bool:
        """The client closed it unanswered while the therapist still had time to answer (replies.is_withdrawn)."""
        return replies.is_withdrawn(
            created_at=self.created_at,
            first_reply_at=self.first_reply_at,
            closed_by=self.closed_by,
            closed_at=self.closed_at,
        )

    @property
    def answered(self) -> bool:
        return self.first_reply_at is not None and not self.withdrawn

    def is_due(self, now: datetime) -> bool:
        if self.withdrawn:
            return False
        return self.first_reply_at is not None or self.created_at <= now - DUE_AFTER

    @property
    def delay(self) -> timedelta | None:
        """How long the first answer took (never less than nothing, whatever the clocks said)."""
        if self.first_reply_at is None:
            return None
        return max(self.first_reply_at - self.created_at, timedelta(0))


def counted(rows: Iterable[Sent], *, now: datetime) -> list[Sent]:
    """The requests the figures are made of."""
    return [row for row in rows if row.is_due(now)]


def median(values: list[timedelta]) -> timedelta | None:
    """The middle value; with an even number, halfway between the two middle ones."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _plural(number: float | int, unit: str) -> str:
    text = f"{number:.1f}".removesuffix(".0") if isinstance(number, float) else str(number)
    return f"{text} {unit}" if text == "1" else f"{text} {unit}s"


def in_words(delay: timedelta | None) -> str:
    """A time to answer as a person would say it: "35 minutes", "4 hours", "1.5 days"."""
    if delay is None:
        return "–"
    minutes = delay.total_seconds() / 60
    if minutes < 1:
        return "less than a minute"
    if round(minutes) < 60:
        return _plural(round(minutes), "minute")
    hours = minutes / 60
    if round(hours) < 24:
        return _plural(round(hours), "hour")
    return _plural(round(hours / 24, 1), "day")


@dataclass(frozen=True)
class Figures:
    due: int
    answered: int
    median_delay: timedelta | None

    @property
    def unanswered(self) -> int:
        return self.due - self.answered

    @property
    def rate(self) -> float | None:
        return self.answered / self.due if self.due else None

    @property
    def percent(self) -> int | None:
        return None if self.rate is None else round(self.rate * 100)

    @property
    def median_words(self) -> str:
        return in_words(self.median_delay)

    @property
    def median_hours(self) -> float | None:
        return None if self.median_delay is None else round(self.median_delay.total_seconds() / 3600, 1)


def figures(due: list[Sent]) -> Figures:
    """The figures of requests already known to count."""
    delays = [row.delay for row in due if row.answered and row.delay is not None]
    return Figures(due=len(due), answered=sum(row.answered for row in due), median_delay=median(delays))


def _worst_first(item: Figures) -> tuple[float, int]:
    return (item.rate if item.rate is not None else 1.0, -item.due)


@dataclass(frozen=True)
class TherapistLine:
    therapist_id: int | None  # None once the therapist deleted their account
    name: str
    synthetic: bool
    published: bool
    figures: Figures

    @property
    def left(self) -> bool:
        return self.therapist_id is None

    @property
    def label(self) -> str:
        return f"{self.name} {LEFT_WORDS}" if self.left else self.name


def per_therapist(due: list[Sent]) -> list[TherapistLine]:
    """One line per therapist with a request that counts, the lowest reply rate first."""
    groups: dict[tuple[int | None, str], list[Sent]] = {}
    for row in due:
        # Therapists who left are told apart by the name they had; the ones still here by their id.
        key = (row.therapist_id, "" if row.therapist_id is not None else row.therapist_name)
        groups.setdefault(key, []).append(row)
    lines = [
        TherapistLine(
            therapist_id=therapist_id,
            name=rows[0].therapist_name or "A therapist",
            synthetic=rows[0].synthetic,
            published=rows[0].published and therapist_id is not None,
            figures=figures(rows),
        )
        for (therapist_id, _name), rows in groups.items()
    ]
    return sorted(lines, key=lambda line: (*_worst_first(line.figures), line.name.casefold(), line.therapist_id or 0))


def silent(lines: list[TherapistLine]) -> list[TherapistLine]:
    """Published listings that keep getting requests and have answered none of them."""
    found = [
        line for line in lines if line.published and line.figures.due >= SILENT_AFTER and line.figures.answered == 0
    ]
    return sorted(found, key=lambda line: (-line.figures.due, line.name.casefold()))


@dataclass(frozen=True)
class Group:
    """Requests from clients who asked for the same thing (or live in the same state)."""

    key: str
    label: str
    figures: Figures
    hidden: bool = False


def _hide_small(groups: list[Group]) -> list[Group]:
    """Hide groups too small to show, and the next smallest when only one is hidden and it is not empty."""
    hidden = {group.key for group in groups if group.figures.due < MIN_SHOWN}
    small = [group for group in groups if group.key in hidden]
    if len(small) == 1 and small[0].figures.due > 0:
        others = [group for group in groups if group.key not in hidden and group.figures.due > 0]
        if others:
            hidden.add(min(others, key=lambda group: (group.figures.due, group.key)).key)
    return [
        Group(key=group.key, label=group.label, figures=group.figures, hidden=group.key in hidden) for group in groups
    ]


def _with_asks(due: list[Sent]) -> list[Sent]:
    return [row for row in due if not row.client_deleted]


def per_state(due: list[Sent]) -> list[Group]:
    """One line per state clients wrote from; the lowest shown reply rate first, hidden ones last by name."""
    by_state: dict[str, list[Sent]] = {}
    for row in _with_asks(due):
        if row.asked_state:
            by_state.setdefault(row.asked_state, []).append(row)
    groups = _hide_small(
        [Group(key=code, label=STATE_NAMES.get(code, code), figures=figures(rows)) for code, rows in by_state.items()]
    )
    return sorted(
        groups,
        key=lambda group: (group.hidden, *(_worst_first(group.figures) if not group.hidden else (0.0, 0)), group.label),
    )


@dataclass(frozen=True)
class Ask:
    key: str
    label: str
    matches: Callable[[Sent], bool]


@dataclass(frozen=True)
class SplitRule:
    key: str
    title: str
    asks: tuple[Ask, ...]


# What the client asked for, as the requests keep it; one table, read by the page, the chart and the tests.
SPLITS: tuple[SplitRule, ...] = (
    SplitRule(
        "sliding_scale",
        "A sliding scale",
        (
            Ask("yes", "Asked for a sliding scale", lambda row: row.asked_sliding_scale),
            Ask("no", "Did not ask for one", lambda row: not row.asked_sliding_scale),
        ),
    ),
    SplitRule(
        "insurance",
        "Insurance",
        (
            Ask("yes", "Asked to use insurance", lambda row: row.asked_insurance),
            Ask("no", "Did not ask to use insurance", lambda row: not row.asked_insurance),
        ),
    ),
    SplitRule(
        "language",
        "Language",
        (
            Ask("yes", "Asked for a language besides English", lambda row: row.asked_language),
            Ask("no", "Did not ask for another language", lambda row: not row.asked_language),
        ),
    ),
    SplitRule(
        "format",
        "How they wanted to meet",
        (
            Ask("online", "Online", lambda row: row.asked_format == "online"),
            Ask("in_person", "In person", lambda row: row.asked_format == "in_person"),
            Ask("either", "Either is fine", lambda row: row.asked_format == "either"),
        ),
    ),
)


@dataclass(frozen=True)
class Split:
    key: str
    title: str
    groups: list[Group]


def splits(due: list[Sent]) -> list[Split]:
    with_asks = _with_asks(due)
    return [
        Split(
            key=rule.key,
            title=rule.title,
            groups=_hide_small(
                [
                    Group(key=ask.key, label=ask.label, figures=figures([row for row in with_asks if ask.matches(row)]))
                    for ask in rule.asks
                ]
            ),
        )
        for rule in SPLITS
    ]


# The chart of the splits: one horizontal bar per group, its length the reply rate. SVG user units.
CHART_WIDTH = 640
LABEL_WIDTH = 290  # group labels, right-aligned against the bars
PLOT_LEFT = LABEL_WIDTH + 10
PLOT_WIDTH = 280  # 0% .. 100%
AXIS_HEIGHT = 24  # the scale above the bars
HEADING_HEIGHT = 26
ROW_HEIGHT = 22
BAR_HEIGHT = 14


@dataclass(frozen=True)
class ChartLine:
    """A split's heading (group None) or one group's bar, at height y."""

    y: float
    text: str
    group: Group | None = None
    split_title: str = ""

    @property
    def bar_width(self) -> float:
        # A hidden group's words sit where an empty bar would end, so their place gives nothing away.
        rate = self.group.figures.rate if self.group and not self.group.hidden else None
        return round((rate or 0.0) * PLOT_WIDTH, 1)

    @property
    def bar_y(self) -> float:
        return self.y - BAR_HEIGHT + 3

    @property
    def value_x(self) -> float:
        return PLOT_LEFT + self.bar_width + 6

    @property
    def value(self) -> str:
        if self.group is None:
            return ""
        if self.group.hidden:
            return HIDDEN_WORDS
        if self.group.figures.percent is None:
            return "none yet"
        return f"{self.group.figures.percent}%"

    @property
    def description(self) -> str:
        """What a screen reader or a tooltip says of the bar."""
        assert self.group is not None
        figures = self.group.figures
        if self.group.hidden:
            return f"{self.split_title}, {self.text}: {HIDDEN_WORDS} requests, so no figures shown"
        if not figures.due:
            return f"{self.split_title}, {self.text}: no requests yet"
        return f"{self.split_title}, {self.text}: {figures.percent}% answered ({figures.answered} of {figures.due})"


@dataclass(frozen=True)
class Chart:
    lines: list[ChartLine]
    height: float
    width: int = CHART_WIDTH
    label_right: int = LABEL_WIDTH
    plot_left: int = PLOT_LEFT
    plot_right: int = PLOT_LEFT + PLOT_WIDTH
    plot_middle: int = PLOT_LEFT + PLOT_WIDTH // 2
    bar_height: int = BAR_HEIGHT
    axis_y: int = AXIS_HEIGHT - 10
    ticks_top: int = AXIS_HEIGHT - 4


def chart(groups_by_split: list[Split]) -> Chart:
    lines = []
    y = float(AXIS_HEIGHT)
    for split in groups_by_split:
        y += HEADING_HEIGHT
        lines.append(ChartLine(y=y, text=split.title))
        for group in split.groups:
            y += ROW_HEIGHT
            lines.append(ChartLine(y=y, text=group.label, group=group, split_title=split.title))
    return Chart(lines=lines, height=y + 10)


@dataclass(frozen=True)
class Report:
    overall: Figures
    synthetic_due: int  # requests that count and went to demo listings
    therapists: list[TherapistLine]
    silent: list[TherapistLine]
    states: list[Group]
    splits: list[Split]
    chart: Chart = field(repr=False)
    real_only: bool = False


def build(rows: Iterable[Sent], *, now: datetime, real_only: bool = False) -> Report:
    """Every figure of the page from plain rows; real_only leaves out requests to demo listings."""
    due = counted((row for row in rows if not (real_only and row.synthetic)), now=now)
    therapists = per_therapist(due)
    by_ask = splits(due)
    return Report(
        overall=figures(due),
        synthetic_due=sum(row.synthetic for row in due),
        therapists=therapists,
        silent=silent(therapists),
        states=per_state(due),
        splits=by_ask,
        chart=chart(by_ask),
        real_only=real_only,
    )


def request_rows() -> list[Sent]:
    """Every consultation request as a plain row, in one query."""
    from matchmaker.alliance.models import ConsultationRequest

    published = "published"  # profiles.models.TherapistStatus.PUBLISHED, kept apart from the therapist side's code
    found = []
    for values in ConsultationRequest.objects.order_by().values(
        "therapist_id",
        "therapist__name",
        "therapist__status",
        "therapist__is_synthetic",
        "therapist_name",
        "created_at",
        "first_reply_at",
        "closed_at",
        "closed_by",
        "client_deleted_at",
        "asked_state",
        "asked_format",
        "asked_sliding_scale",
        "asked_insurance",
        "asked_language",
    ):
        here = values["therapist_id"] is not None
        found.append(
            Sent(
                therapist_id=values["therapist_id"],
                therapist_name=values["therapist__name"] if here else values["therapist_name"],
                created_at=values["created_at"],
                first_reply_at=values["first_reply_at"],
                closed_at=values["closed_at"],
                closed_by=values["closed_by"],
                client_deleted=values["client_deleted_at"] is not None,
                published=here and values["therapist__status"] == published,
                synthetic=bool(values["therapist__is_synthetic"]),
                asked_state=values["asked_state"],
                asked_format=values["asked_format"],
                asked_sliding_scale=values["asked_sliding_scale"],
                asked_insurance=values["asked_insurance"],
                asked_language=values["asked_language"],
            )
        )
    return found


def _number(value: float | int | None) -> float | int | str:
    return "" if value is None else value


def therapist_table(report: Report) -> list[list[object]]:
    header = [
        "therapist",
        "therapist_id",
        "left_matchmaker",
        "demo_data",
        "requests_due",
        "answered",
        "reply_rate_percent",
        "median_hours_to_first_reply",
    ]
    return [header] + [
        [
            line.name,
            _number(line.therapist_id),
            "yes" if line.left else "no",
            "yes" if line.synthetic else "no",
            line.figures.due,
            line.figures.answered,
            _number(line.figures.percent),
            _number(line.figures.median_hours),
        ]
        for line in report.therapists
    ]


def state_table(report: Report) -> list[list[object]]:
    header = ["state", "state_name", "requests_due", "answered", "reply_rate_percent", "median_hours_to_first_reply"]
    lines: list[list[object]] = [header]
    for group in report.states:
        if group.hidden:
            lines.append([group.key, group.label, HIDDEN_WORDS, "", "", ""])
        else:
            figures = group.figures
            lines.append(
                [
                    group.key,
                    group.label,
                    figures.due,
                    figures.answered,
                    _number(figures.percent),
                    _number(figures.median_hours),
                ]
            )
    return lines


def csv_text(table: list[list[object]]) -> str:
    """A table as CSV, text cells escaped so that no spreadsheet runs one as a formula."""
    from profiles.resources import FreeTextWidget

    escape = FreeTextWidget()
    out = io.StringIO()
    writer = csv.writer(out)
    for line in table:
        writer.writerow([escape.render(cell) if isinstance(cell, str) else cell for cell in line])
    return out.getvalue()
