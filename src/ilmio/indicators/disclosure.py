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

import hashlib
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from ilmio.areas.models import Population
from ilmio.core.permissions import Capability, has_capability
from ilmio.indicators.aggregates import (
    ALL,
    COUNTRY_CODE,
    LEVELS,
    PERIODS,
    Aggregates,
    period_label,
    publishes,
    quarter_of,
)
from ilmio.indicators.aggregates import publication_version as tables_version
from ilmio.indicators.counts import HELSINKI
from ilmio.indicators.models import IndicatorValue, PhenomenonIndicator
from ilmio.stats.suppression import Cell, Constraint, suppress, suppress_rate
from ilmio.taxonomy.models import TaxonomyVersion

__all__ = [
    "AGGREGATE_COLUMNS", "ALL", "COUNTRY_CODE", "HIDDEN", "LEVELS", "PERIODS", "Shown", "exact_count", "months_of",
    "publication_version", "published", "publishes", "rate", "report_count", "tally", "threshold",
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


_version: tuple[float, str] | None = None


def publication_version() -> str:
    """The version of everything a public page of numbers is built from: the published
    report tables and the statistics beside them. Equal versions, equal pages. Worked out
    at most once per ``AGGREGATES_CACHE_SECONDS`` in a process (the counts it rests on are
    read that often)."""
    global _version
    seconds = settings.AGGREGATES_CACHE_SECONDS
    if seconds and _version is not None and _version[0] > time.monotonic():
        return _version[1]
    version = _publication_version()
    if seconds:
        _version = (time.monotonic() + min(seconds, 10), version)
    return version


def _publication_version() -> str:
    stamps = (IndicatorValue.objects.aggregate(n=Count("pk"), last=Max("pk")),
              PhenomenonIndicator.objects.aggregate(n=Count("pk"), last=Max("pk")),
              Population.objects.aggregate(n=Count("pk"), last=Max("year")),
              TaxonomyVersion.objects.aggregate(n=Count("pk"), last=Max("loaded_at")))  # fmt: skip
    return hashlib.sha256(repr((tables_version(), stamps, threshold())).encode()).hexdigest()[:24]


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


def period_tiles(start: date, end: date, granularities: Sequence[str]) -> list[tuple[str, str]] | None:
    """[start, end] as whole published periods, coarsest first: ("year", "2025"),
    ("quarter", "2026-Q1"), ("month", "2026-04") …; None when it cannot be tiled with
    the granularities this level publishes."""
    months = months_of(start, end)
    if not months:
        return None
    tiles: list[tuple[str, str]] = []
    index = 0
    while index < len(months):
        label = months[index]
        month = int(label[5:])
        if "year" in granularities and month == 1 and index + 12 <= len(months):
            tiles.append(("year", label[:4]))
            index += 12
        elif "quarter" in granularities and month % 3 == 1 and index + 3 <= len(months):
            tiles.append(("quarter", quarter_of(label)))
            index += 3
        elif "month" in granularities:
            tiles.append(("month", label))
            index += 1
        else:
            return None
    return tiles


def report_count(*, level: str, codes: Sequence[str], phenomena: Sequence[str] = (ALL,),
                 start: date, end: date) -> Shown:  # fmt: skip
    """Reports of these areas × phenomena in [start, end], as the published tables show
    them: a sum of published cells of the coarsest periods that tile it, hidden if the
    period cannot be tiled with what the level publishes, or any cell is hidden."""
    phenomena = list(phenomena) or [ALL]
    if not codes:
        return Shown(None)
    granularities = [g for g in PERIODS if all(publishes(level, p, g) for p in phenomena)]
    tiles = period_tiles(start, end, granularities)
    if not tiles:
        return Shown(None)
    tables = {granularity: published(granularity) for granularity, _ in tiles}
    total = 0
    for granularity, label in tiles:
        for code in codes:
            for phenomenon in phenomena:
                cell = tables[granularity].cell(label, level, code, phenomenon)
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
    """An emerging signal as one reader may see it: for readers of the county's reports,
    a municipality's rise found on the exact counts; for everyone else, a county's rise
    found on the published month cells alone (so it reveals nothing they do not show)."""

    phenomenon: str
    area_code: str
    months: list[str]
    observed: Shown
    expected: float | None
    ratio: float | None
    level: str = "municipality"


def emerging_signals(municipality_codes: Sequence[str], phenomena: Sequence[str], *, user: Any,
                     county_id: int | None, limit: int = 10) -> list[SignalRow]:  # fmt: skip
    """Rises against each area's own baseline (``ilmio.stats.signals``); one definition of
    "expected" (the area's baseline rate moved by its reference) on every page."""
    from ilmio.indicators.aggregates import Geography, report_cells
    from ilmio.stats.signals import detect_emerging

    labels = published("month").labels()  # complete months only, as everywhere
    if len(labels) < 6:
        return []
    known = set(phenomena)
    if not may_count_exactly(user, county_id):
        county_of = Geography.load().municipality_county
        counties = sorted({county_of[code] for code in municipality_codes if code in county_of})
        return _published_signals(counties, sorted(known), labels, limit)
    raw = report_cells("month")
    wanted = set(municipality_codes)
    series: dict[tuple[str, str], list[int]] = {}
    for index, label in enumerate(labels):
        for (level, code, phenomenon), count in raw.get(label, {}).items():
            if level == "municipality" and code in wanted and phenomenon in known:
                series.setdefault((phenomenon, code), [0] * len(labels))[index] += count
    found = detect_emerging(series, month_labels=labels, min_count=threshold())[:limit] if series else []
    return [SignalRow(s.phenomenon, s.area, list(s.months), Shown(int(s.observed)), round(s.expected, 1),
                      round(s.ratio, 1)) for s in found]  # fmt: skip


def _published_series(labels: list[str], county: str, phenomenon: str, recent: int) -> list[float] | None:
    """A county's monthly counts from published cells: a hidden month shares what its
    published quarter leaves over (quarter minus its shown months) with the other hidden
    months of it. None when a recent month is hidden or a quarter cannot fill a gap."""
    months, quarters = published("month"), published("quarter")
    values: list[float | None] = [months.cell(label, "county", county, phenomenon).value for label in labels]
    if any(v is None for v in values[-recent:]):
        return None
    by_quarter: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        by_quarter.setdefault(quarter_of(label), []).append(index)
    for quarter, indexes in by_quarter.items():
        gaps = [i for i in indexes if values[i] is None]
        if not gaps:
            continue
        total = quarters.cell(quarter, "county", county, phenomenon).value
        if total is None or len(indexes) != 3:
            return None
        left = total - sum(values[i] or 0 for i in indexes if values[i] is not None)
        for i in gaps:
            values[i] = left / len(gaps)
    return [float(v or 0) for v in values]


def _published_signals(counties: list[str], phenomena: list[str], labels: list[str], limit: int) -> list[SignalRow]:
    """A phenomenon's rise in a county against the county's other reports, from published
    cells only (:func:`_published_series`)."""
    from ilmio.stats.signals import detect_emerging

    recent = 3
    series: dict[tuple[str, str], list[float]] = {}
    reference: dict[str, list[float]] = {}
    for county in counties:
        everything = _published_series(labels, county, ALL, recent)
        if everything is None:
            continue
        for phenomenon in phenomena:
            counts = _published_series(labels, county, phenomenon, recent)
            if counts is None:
                continue
            series[(phenomenon, county)] = counts
            # The reference: the county's other reports (the detector subtracts the cell's own).
            reference[phenomenon] = everything
    if len(counties) != 1:
        reference = {}  # several counties: each is compared with the others
    found = detect_emerging(series, county_totals=reference or None, month_labels=labels, recent_months=recent,
                            min_count=threshold())[:limit] if series else []  # fmt: skip
    return [SignalRow(s.phenomenon, s.area, list(s.months), Shown(int(s.observed)), round(s.expected, 1),
                      round(s.ratio, 1), level="county") for s in found]  # fmt: skip
