"""The one door for every number that leaves Ilmiö.

Every count shown or exported — situational picture, phenomenon brief, signals, summaries
and their PDF/Markdown, outcomes, follow-up tallies, CSV/XLSX/JSON exports, the API and
``ilmio export`` — comes from here. The rules, each in one place:

* **Report counts for readers who may not read report text are sums of published month
  cells** (:func:`report_count`): hidden when any of the cells is hidden. The month tables
  are suppressed as whole structures (:mod:`ilmio.indicators.aggregates`), so no
  combination of outputs — overlapping summaries, quarters against months, signals
  against the picture — reveals what the tables hide.
* **Complete periods only**: a month (quarter, year) is published once it has ended, so a
  cell does not change while someone watches it fill (:func:`published`).
* **Public-form reports count once triaged** (``Report.in_statistics``), so no one can
  post reports into a small cell to learn the rest of it.
* **Exact counts** go only to readers who may read the reports themselves
  (:func:`exact_count`), and **other tallies** (follow-up answers …) are suppressed as one
  structure with their total (:func:`tally`), all with the ``SUPPRESSION_THRESHOLD``
  setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from ilmio.core.permissions import Capability, has_capability
from ilmio.indicators.aggregates import ALL, COUNTRY_CODE, LEVELS, PERIODS, Aggregates, period_label
from ilmio.indicators.counts import HELSINKI
from ilmio.stats.suppression import Cell, Constraint, suppress, suppress_rate

__all__ = [
    "AGGREGATE_COLUMNS", "ALL", "COUNTRY_CODE", "HIDDEN", "LEVELS", "PERIODS", "Shown", "exact_count", "months_of",
    "published", "rate", "report_count", "tally", "threshold",
]  # fmt: skip

HIDDEN = "–"
# The columns of every aggregate export (CLI, API): what `Published.rows` yields.
AGGREGATE_COLUMNS = ("area_code", "phenomenon", "period", "count")


def threshold() -> int:
    return int(settings.SUPPRESSION_THRESHOLD)


@dataclass(frozen=True)
class Shown:
    """A number that may leave: its value, or hidden (``value`` is then ``None``)."""

    value: int | None

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        return HIDDEN if self.value is None else str(self.value)

    @classmethod
    def of(cls, source: Cell) -> Shown:
        return cls(None if source.suppressed else source.value)


class Published:
    """The suppressed report counts of one granularity, complete periods only."""

    def __init__(self, period: str) -> None:
        self.aggregates = Aggregates(period)
        self.period = period
        current = period_label(timezone.now(), period)
        self._labels = [label for label in self.aggregates.labels() if label < current]

    def labels(self) -> list[str]:
        return list(self._labels)

    def cell(self, label: str, level: str, code: str, phenomenon: str = ALL) -> Shown:
        if label not in self._labels:
            return Shown(None) if label >= period_label(timezone.now(), self.period) else Shown(0)
        return Shown.of(self.aggregates.cell(label, level, code, phenomenon))

    def raw_cell(self, label: str, level: str, code: str, phenomenon: str = ALL) -> Cell:
        """The suppression engine's cell, for rates (still hidden where it is hidden)."""
        if label not in self._labels:
            return Cell(None, True, "complementary")
        return self.aggregates.cell(label, level, code, phenomenon)

    def rows(self, level: str) -> Iterable[dict[str, object]]:
        """The export contract: area_code, phenomenon, period, count (None when hidden)."""
        complete = set(self._labels)
        return (row for row in self.aggregates.rows(level) if row["period"] in complete)


def published(period: str) -> Published:
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")
    return Published(period)


def months_of(start: date, end: date) -> list[str] | None:
    """The month labels when [start, end] is exactly a run of whole months, else None."""
    if start.day != 1 or end < start:
        return None
    following = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    if (following - end).days != 1:
        return None  # the period does not end on a month's last day
    labels = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        labels.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return labels


def report_count(*, level: str, codes: Sequence[str], phenomena: Sequence[str] = (ALL,),
                 start: date, end: date) -> Shown:  # fmt: skip
    """Reports of these areas × phenomena in [start, end], as the published month tables
    show them: a sum of published cells, hidden if the period is not whole ended months or
    any cell is hidden."""
    months = months_of(start, end)
    if not months or not codes:
        return Shown(None)
    table = published("month")
    total = 0
    for label in months:
        for code in codes:
            for phenomenon in phenomena or (ALL,):
                cell = table.cell(label, level, code, phenomenon)
                if cell.value is None:
                    return Shown(None)
                total += cell.value
    return Shown(total)


def may_count_exactly(user: Any, county_id: int | None) -> bool:
    """Readers of a county's report texts could count the reports themselves."""
    return (county_id is not None and getattr(user, "county_id", None) == county_id
            and has_capability(user, Capability.READ_REPORT_TEXT))  # fmt: skip


def exact_count(value: int, *, user: Any, county_id: int | None) -> Shown:
    """An exact count of reports, for a reader who may read them; hidden for anyone else."""
    return Shown(value) if may_count_exactly(user, county_id) else Shown(None)


def tally(values: Mapping[str, int]) -> tuple[dict[str, Shown], Shown]:
    """Counts of one question's answers and their total, suppressed as one structure."""
    cells = {key: int(value) for key, value in values.items()}
    cells["__total__"] = sum(cells.values())
    result = suppress(cells, [Constraint("__total__", tuple(values))], threshold=threshold(),
                      distinguishable=False).cells  # fmt: skip
    shown = {key: Shown.of(result[key]) for key in values}
    return shown, Shown.of(result["__total__"])


def rate(cell: Cell, population: int, per: int = 10000, ndigits: int = 1) -> float | None:
    return suppress_rate(cell, population, per=per, ndigits=ndigits)


def month_start(label: str) -> datetime:
    year, month = label.split("-")
    return datetime(int(year), int(month), 1, tzinfo=HELSINKI)


@dataclass
class SignalRow:
    """An emerging signal as one reader may see it: exact figures for readers of the
    county's reports, otherwise the published cells of its months (or hidden)."""

    phenomenon: str
    area_code: str
    months: list[str]
    observed: Shown
    expected: float | None
    ratio: float | None


def emerging_signals(municipality_codes: Sequence[str], phenomena: Sequence[str], *, user: Any,
                     county_id: int | None, limit: int = 10) -> list[SignalRow]:  # fmt: skip
    """Rises against each municipality's own baseline (``ilmio.stats.signals``), found on the
    exact counts; what is shown of them depends on the reader."""
    from ilmio.indicators.aggregates import report_cells
    from ilmio.stats.signals import detect_emerging

    labels = Aggregates("month").labels()
    if len(labels) < 6:
        return []
    raw = report_cells("month")
    wanted, known = set(municipality_codes), set(phenomena)
    series: dict[tuple[str, str], list[int]] = {}
    for index, label in enumerate(labels):
        for (level, code, phenomenon), count in raw.get(label, {}).items():
            if level == "municipality" and code in wanted and phenomenon in known:
                series.setdefault((phenomenon, code), [0] * len(labels))[index] += count
    found = detect_emerging(series, month_labels=labels)[:limit] if series else []
    exact = may_count_exactly(user, county_id)
    table = None if exact else published("month")
    rows = []
    for signal in found:
        months = list(signal.months)
        if exact:
            rows.append(SignalRow(signal.phenomenon, signal.area, months, Shown(int(signal.observed)),
                                  round(signal.expected, 1), round(signal.ratio, 1)))  # fmt: skip
            continue
        assert table is not None
        cells = [table.cell(label, "municipality", signal.area, signal.phenomenon) for label in months]
        observed = Shown(None) if any(c.hidden for c in cells) else Shown(sum(c.value or 0 for c in cells))
        rows.append(SignalRow(signal.phenomenon, signal.area, months, observed, None, None))
    return rows
