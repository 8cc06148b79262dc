"""Counts of social reports by primary phenomenon × area × period, always suppressed.

Every count this module hands out has passed ``ilmio.stats.suppression`` over the whole
published structure of one period: all areas of every level (country ⊃ cooperation
areas ⊃ counties ⊃ municipalities) × every phenomenon and their ``ALL`` total, with
the exact sums that tie them. A report counts once: at its municipality when it names
exactly one, otherwise only at the county level (a hidden "county-wide" part of the
county), so every level adds up.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear

from ilmio.areas.models import County, Municipality
from ilmio.areas.selection import COUNTRY_CODE
from ilmio.indicators.counts import COUNTED_FIELDS, HELSINKI, refresh_stale_counts
from ilmio.indicators.models import ReportCount
from ilmio.reports.models import Report
from ilmio.stats.suppression import Cell, Constraint, suppress
from ilmio.taxonomy.models import Phenomenon

LEVELS = ("country", "cooperation_area", "county", "municipality")
PERIODS = ("month", "quarter", "year")
ALL = "ALL"
COUNTYWIDE = "countywide"  # reports on several municipalities or a whole county
UNCLASSIFIED = "_"  # reports without a primary phenomenon: counted, never shown alone

logger = logging.getLogger(__name__)

Node = tuple[str, str, str]  # (level, area code, phenomenon code or ALL)


def period_label(moment: datetime, period: str) -> str:
    local = moment.astimezone(HELSINKI)
    if period == "month":
        return f"{local.year}-{local.month:02d}"
    if period == "quarter":
        return f"{local.year}-Q{(local.month - 1) // 3 + 1}"
    if period == "year":
        return str(local.year)
    raise ValueError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")


@dataclass(frozen=True)
class Geography:
    """Parent links of every area, from municipalities up to the country."""

    municipality_county: dict[str, str]
    county_area: dict[str, str]

    @classmethod
    def load(cls) -> Geography:
        return cls(
            municipality_county=dict(Municipality.objects.values_list("code", "county__code")),
            county_area=dict(County.objects.values_list("code", "cooperation_area__code")),
        )

    def parent(self, level: str, code: str) -> tuple[str, str] | None:
        if level in ("municipality", COUNTYWIDE):
            return ("county", self.municipality_county[code] if level == "municipality" else code)
        if level == "county":
            return ("cooperation_area", self.county_area[code])
        if level == "cooperation_area":
            return ("country", COUNTRY_CODE)
        return None


TRUNCATE = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}


RawCells = dict[str, Counter[tuple[str, str, str]]]

# Process-local memory in front of the shared cache: a warm request then costs no
# unpickling and no hashing. Bounded; entries are immutable once made.
_local_cells: dict[str, tuple[float, RawCells]] = {}
_local_tables: OrderedDict[str, PeriodTable] = OrderedDict()
_LOCAL_TABLES_MAX = 400


_local_lock = threading.Lock()


def _remember(key: str, table: PeriodTable) -> None:
    with _local_lock:
        _local_tables[key] = table
        _local_tables.move_to_end(key)
        while len(_local_tables) > _LOCAL_TABLES_MAX:
            _local_tables.popitem(last=False)


def forget_local_copies() -> None:
    """Drop this process's copies (tests: each starts from an empty database and cache)."""
    with _local_lock:
        _local_tables.clear()
        _local_cells.clear()


def _digest(raw: Counter[tuple[str, str, str]]) -> str:
    """The hash of one period's raw counts, computed once per counts object (they are
    never changed once made)."""
    digest: str | None = getattr(raw, "ilmio_digest", None)
    if digest is None:
        digest = hashlib.sha256(repr(sorted(raw.items())).encode()).hexdigest()
        raw.ilmio_digest = digest  # type: ignore[attr-defined]
    return digest


def report_cells(period: str, reports: QuerySet[Report] | None = None) -> dict[str, Counter[tuple[str, str, str]]]:
    """Raw counts per period label, {(level, code, phenomenon): n}, at the lowest level only.

    All reports: from the monthly counts (:mod:`ilmio.indicators.counts`, stale months
    recounted first), a few thousand rows instead of a million. A given queryset: one
    GROUP BY over it.
    """
    if period not in TRUNCATE:
        raise ValueError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")
    if reports is not None:
        grouped = (reports.filter(in_statistics=True).annotate(start=TRUNCATE[period]("created_at", tzinfo=HELSINKI))
                .values_list("start", *COUNTED_FIELDS).annotate(n=Count("pk")).order_by())  # fmt: skip
        return _cells(period, grouped)
    seconds = settings.AGGREGATES_CACHE_SECONDS
    hit = _local_cells.get(period) if seconds else None
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    refresh_stale_counts()
    rows = (ReportCount.objects.annotate(start=TRUNCATE[period]("month"))
            .values_list("start", "county_code", "municipality_code", "phenomenon_code")
            .annotate(n=Sum("reports")).order_by())  # fmt: skip
    cells = _cells(period, rows)
    if seconds:
        # Each process rereads the counts at most this often (statistics may lag new
        # reports by that much).
        _local_cells[period] = (time.monotonic() + seconds, cells)
    return cells


def _cells(period: str, rows: Iterable[tuple[Any, ...]]) -> RawCells:
    result: RawCells = defaultdict(Counter)
    for start, county_code, municipality_code, phenomenon, count in rows:
        where = ("municipality", municipality_code) if municipality_code else (COUNTYWIDE, county_code)
        moment = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day, tzinfo=HELSINKI)
        result[period_label(moment, period)][(*where, phenomenon or UNCLASSIFIED)] += count
    return dict(result)


def area_codes(level: str) -> list[str]:
    """Every area of a level, so areas without reports are listed with 0."""
    if level == "country":
        return [COUNTRY_CODE]
    if level == "cooperation_area":
        return sorted(County.objects.values_list("cooperation_area__code", flat=True).distinct())
    if level == "county":
        return sorted(County.objects.values_list("code", flat=True))
    return sorted(Municipality.objects.filter(active=True).values_list("code", flat=True))


@dataclass
class PeriodTable:
    """The suppressed counts of one period, every level at once."""

    period: str
    cells: dict[Node, Cell]
    threshold: int

    def cell(self, level: str, code: str, phenomenon: str = ALL) -> Cell:
        # An area with no reports at all was left out of the suppression problem: its
        # zeros reveal nobody.
        return self.cells.get((level, code, phenomenon), Cell(0))


def suppress_period(raw: Counter[tuple[str, str, str]], geography: Geography, phenomena: list[str],
                    period: str, threshold: int) -> PeriodTable:  # fmt: skip
    values: dict[Node, int] = defaultdict(int)
    for (level, code, phenomenon), count in raw.items():
        node: tuple[str, str] | None = (level, code)
        while node is not None:
            values[(*node, phenomenon)] += count
            values[(*node, ALL)] += count
            node = geography.parent(*node)
    # Unclassified reports form a column of their own that is never published, so
    # that every row still adds up exactly.
    columns = [*phenomena, UNCLASSIFIED]
    areas = {(level, code) for level, code, _ in values}
    for level, code in areas:  # complete each area's row with its zeros
        for phenomenon in columns:
            values.setdefault((level, code, phenomenon), 0)
    constraints: list[Constraint[Node]] = []
    children: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for area in sorted(areas):
        parent = geography.parent(*area)
        if parent is not None:
            children[parent].append(area)
    for area in sorted(areas):
        constraints.append(Constraint((*area, ALL), tuple((*area, p) for p in columns)))
    for parent, kids in children.items():
        for phenomenon in [*columns, ALL]:
            constraints.append(Constraint((*parent, phenomenon), tuple((*kid, phenomenon) for kid in kids)))
    # One marker for every hidden cell: telling "<5" from complements would hand a reader
    # bounds that expose cells, and forces far more suppression (measured: the whole county
    # table for a year hidden vs 16 complements, 57 s vs 3 s).
    result = suppress(dict(values), constraints, threshold=threshold, distinguishable=False)
    return PeriodTable(period, dict(result.cells), threshold)


def sum_tables(label: str, parts: list[PeriodTable], threshold: int) -> PeriodTable:
    """One coarser period from its months: a cell is the sum where every month shows it,
    hidden where any month hides it."""
    cells: dict[Node, Cell] = {}
    for node in {node for part in parts for node in part.cells}:
        shown = [part.cell(*node) for part in parts]
        if any(c.suppressed for c in shown):
            cells[node] = Cell(None, True, "complementary")
        else:
            cells[node] = Cell(sum(c.value or 0 for c in shown))
    return PeriodTable(label, cells, threshold)


@dataclass
class Aggregates:
    """Suppressed report counts for every period label of one granularity."""

    period: str
    threshold: int = 0
    reports: QuerySet[Report] | None = None
    keys: dict[str, str] = field(default_factory=dict, repr=False)  # month label → cache key

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise ValueError(f"unknown period {self.period!r}; choose one of {', '.join(PERIODS)}")
        self.threshold = self.threshold or settings.SUPPRESSION_THRESHOLD

    @cached_property
    def phenomena(self) -> list[str]:
        return list(Phenomenon.objects.order_by("position").values_list("code", flat=True))

    @cached_property
    def tables(self) -> dict[str, PeriodTable]:
        if self.period != "month":
            return self._sums_of_months()
        geography = Geography.load()
        raw = report_cells(self.period, self.reports)
        context = hashlib.sha256(repr((self.phenomena, sorted(geography.municipality_county.items()),
                                       sorted(geography.county_area.items()))).encode()).hexdigest()  # fmt: skip
        return {label: self._suppressed(raw[label], geography, label, context) for label in sorted(raw)}

    def _suppressed(self, raw: Counter[tuple[str, str, str]], geography: Geography, label: str,
                    context: str) -> PeriodTable:  # fmt: skip
        """Suppression is a pure function of the raw counts: cache it under their hash, so
        a new report recomputes only its own period, and past periods stay cached.

        When a period's counts have changed and an earlier table of it exists, readers get
        that earlier table (complete and suppressed in itself) while one background thread
        computes the new one: nobody waits seconds for the national table of the current
        month each time a report arrives (``AGGREGATES_SERVE_PREVIOUS``; off in tests)."""
        fingerprint = hashlib.sha256(f"{_digest(raw)}{context}".encode()).hexdigest()
        key = f"ilmio-aggregates-{self.threshold}-{label}-{fingerprint[:32]}"
        latest_key = f"ilmio-aggregates-latest-{self.threshold}-{label}"
        table = _local_tables.get(key) or cache.get(key)
        if table is not None:
            _remember(key, table)
            if self.reports is None:
                self.keys[label] = key  # the table under this key is the one served
            return table
        if settings.AGGREGATES_SERVE_PREVIOUS:
            previous = cache.get(latest_key)
            if previous is not None:
                if cache.add(f"{key}-computing", True, timeout=600):
                    threading.Thread(target=self._compute_in_background, name=f"suppress-{label}", daemon=True,
                                     args=(raw, geography, label, key, latest_key)).start()  # fmt: skip
                return previous
        table = self._compute(raw, geography, label, key, latest_key)
        if self.reports is None:
            self.keys[label] = key
        return table

    def _compute(self, raw: Counter[tuple[str, str, str]], geography: Geography, label: str, key: str,
                 latest_key: str) -> PeriodTable:  # fmt: skip
        table = suppress_period(raw, geography, self.phenomena, label, self.threshold)
        _remember(key, table)
        cache.set(key, table, timeout=30 * 24 * 3600)
        cache.set(latest_key, table, timeout=30 * 24 * 3600)
        return table

    def _compute_in_background(self, *args: Any) -> None:
        try:
            self._compute(*args)
        except Exception:  # logged; the next reader whose lock has expired tries again
            logger.exception("suppressing aggregates in the background failed")
        finally:
            connections.close_all()  # this thread's own database connections

    def _sums_of_months(self) -> dict[str, PeriodTable]:
        """Quarters and years are sums of the published months, hidden where any month is.

        Suppressing each granularity on its own would let a reader subtract: a published
        year minus its published quarters gives the hidden one. A coarser cell shown only
        when all its months are shown carries nothing the months did not already show,
        so every period output together is exactly as safe as the month tables."""
        months = Aggregates("month", self.threshold, self.reports)
        grouped: dict[str, list[str]] = defaultdict(list)
        for label in months.tables:
            year, month = label.split("-")
            grouped[period_label(datetime(int(year), int(month), 1, tzinfo=HELSINKI), self.period)].append(label)
        out = {}
        for label, parts in sorted(grouped.items()):
            # Remembered only when every month is the table of its current counts (not a
            # previous one served while the new one is computed).
            part_keys = [months.keys.get(m) for m in parts]
            key = "sum-" + hashlib.sha256(repr(part_keys).encode()).hexdigest() if all(part_keys) else None
            table = _local_tables.get(key) if key else None
            if table is None:
                table = sum_tables(label, [months.tables[m] for m in parts], self.threshold)
                if key:
                    _remember(key, table)
            out[label] = table
        return out

    def labels(self) -> list[str]:
        return list(self.tables)

    def cell(self, label: str, level: str, code: str, phenomenon: str = ALL) -> Cell:
        table = self.tables.get(label)
        return table.cell(level, code, phenomenon) if table else Cell(0)

    def rows(self, level: str) -> Iterable[dict[str, object]]:
        """The export contract: area_code, phenomenon, period, count (None when suppressed)."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
        codes = area_codes(level)
        for label, table in self.tables.items():
            for code in codes:
                for phenomenon in [*self.phenomena, ALL]:
                    cell = table.cell(level, code, phenomenon)
                    yield {"area_code": code, "phenomenon": phenomenon, "period": label,
                           "count": None if cell.suppressed else cell.value}  # fmt: skip


def warm_aggregates() -> int:
    """Compute every period table once, so the first page view is fast; returns how many."""
    return sum(len(Aggregates(period).tables) for period in PERIODS)
