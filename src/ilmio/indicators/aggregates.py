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
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils import timezone

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
_LOCAL_YEARS_MAX = 60


_local_lock = threading.Lock()


def _remember(key: str, tables: dict[str, PeriodTable]) -> None:
    with _local_lock:
        _local_years[key] = tables
        _local_years.move_to_end(key)
        while len(_local_years) > _LOCAL_YEARS_MAX:
            _local_years.popitem(last=False)


def forget_local_copies() -> None:
    """Drop this process's copies (tests: each starts from an empty database and cache)."""
    with _local_lock:
        _local_years.clear()
        _local_cells.clear()


def forget_published_year(year: int) -> None:
    """Make the next reader recount ``year``: no earlier table of it is served meanwhile
    (after an erasure, the table that still counted the erased report must not be shown)."""
    cache.delete(f"ilmio-aggregates-latest-{settings.SUPPRESSION_THRESHOLD}-{year}")
    forget_local_copies()


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
        if not is_published(level, phenomenon, self.period):
            return NOT_PUBLISHED
        # An area with no reports at all was left out of the suppression problem: its
        # zeros reveal nobody.
        return self.cells.get((level, code, phenomenon), Cell(0))


NOT_PUBLISHED = Cell(None, True, "complementary")


# What is published at each level, as (granularity, by phenomenon or only the total):
# municipalities by year, and their quarters as totals. A municipality's month or
# quarter × phenomenon cells are nearly all below the threshold (the demo: all of its
# month cells, 72 % of its quarter cells), so publishing them hides little of use and
# forces complements up into the county's months and quarters (measured: every county
# quarter hidden). See docs/decisions/0012.
GRANULARITIES: dict[str, dict[str, bool]] = {
    "country": {"month": True, "quarter": True, "year": True},
    "cooperation_area": {"month": True, "quarter": True, "year": True},
    "county": {"month": True, "quarter": True, "year": True},
    "municipality": {"quarter": False, "year": True},
    COUNTYWIDE: {"quarter": False, "year": True},
}


def publishes(level: str, phenomenon: str, period: str) -> bool:
    """Whether a level's cells of this granularity are part of the publication at all."""
    by_phenomenon = GRANULARITIES.get(level, {}).get(period)
    return by_phenomenon is not None and (by_phenomenon or phenomenon == ALL)


def is_published(level: str, phenomenon: str, label: str) -> bool:
    return publishes(level, phenomenon, granularity(label))

# Totals readers rely on most: complements are looked for elsewhere first.
TOTALS_KEPT = ("country", "cooperation_area", "county")

YearNode = tuple[str, str, str, str]  # (level, area code, phenomenon or ALL, period label)


def granularity(label: str) -> str:
    return "year" if len(label) == 4 else "quarter" if "Q" in label else "month"


def quarter_of(month_label: str) -> str:
    return f"{month_label[:4]}-Q{(int(month_label[5:]) - 1) // 3 + 1}"


def complete_labels(year: int, months: Iterable[str]) -> list[str]:
    """The periods of a year to publish: its complete months, the quarters whose three
    months are all complete, and the year when all twelve are."""
    months = sorted(m for m in months if m.startswith(f"{year}-"))
    quarters = [q for q in dict.fromkeys(quarter_of(m) for m in months)
                if sum(quarter_of(m) == q for m in months) == 3]  # fmt: skip
    return [*months, *quarters, *([str(year)] if len(months) == 12 else [])]


def suppress_year(raw: dict[str, Counter[tuple[str, str, str]]], geography: Geography, phenomena: list[str],
                  labels: list[str], threshold: int) -> dict[str, PeriodTable]:  # fmt: skip
    """One calendar year's complete periods suppressed as one structure: areas × phenomena
    × (months ⊂ quarters ⊂ year), every sum that ties them included.

    Year first, then quarters with the year's cells carried over, then months with both:
    the coarser a cell, the more readers rely on it, so complements are found among the
    finer cells (the engine's ``fixed``) and a large total is not hidden because one of
    its months is small. Each step suppresses the whole structure built so far, so what is
    published at the end is checked jointly (``audit`` of :func:`year_structure`)."""
    values, constraints = year_structure(raw, geography, phenomena, labels)
    result: dict[YearNode, Cell] = {}
    for step in ("year", "quarter", "month"):
        nodes = {n for n in values if _step_index(granularity(n[3])) <= _step_index(step)}
        if not any(granularity(n[3]) == step for n in nodes):
            continue
        step_values = {n: values[n] for n in nodes}
        step_constraints = [c for c in constraints if all(n in nodes for n in c.nodes)]
        done = suppress(step_values, step_constraints, threshold=threshold, distinguishable=False,
                        fixed=[*(n for n, c in result.items() if not c.suppressed),
                               *(n for n in nodes if n[2] == ALL and n[0] in TOTALS_KEPT)],
                        hidden=[n for n, c in result.items() if c.suppressed],
                        free=[n for n in nodes if n[0] == COUNTYWIDE or n[2] == UNCLASSIFIED])  # fmt: skip
        result = dict(done.cells)
    tables: dict[str, dict[Node, Cell]] = {label: {} for label in labels}
    for (level, code, phenomenon, label), cell in result.items():
        tables[label][(level, code, phenomenon)] = cell
    return {label: PeriodTable(label, cells, threshold) for label, cells in tables.items()}


def _step_index(step: str) -> int:
    return ("year", "quarter", "month").index(step)


def year_structure(raw: dict[str, Counter[tuple[str, str, str]]], geography: Geography, phenomena: list[str],
                   labels: list[str]) -> tuple[dict[YearNode, int], list[Constraint[YearNode]]]:  # fmt: skip
    """Every published node of a year's complete periods with its true count, and the sums."""
    wanted = set(labels)
    values: dict[YearNode, int] = defaultdict(int)
    for month, counts in raw.items():
        periods = [t for t in (month, quarter_of(month), month[:4]) if t in wanted]
        for (level, code, phenomenon), count in counts.items():
            node: tuple[str, str] | None = (level, code)
            while node is not None:
                for label in periods:
                    for column in (phenomenon, ALL):
                        if is_published(node[0], column, label):
                            values[(*node, column, label)] += count
                node = geography.parent(*node)
    # Unclassified reports form a column of their own that is never published, so that
    # every row still adds up exactly.
    columns = [*phenomena, UNCLASSIFIED]
    areas = sorted({(level, code) for level, code, _, _ in values})
    for level, code in areas:  # complete each area's rows with their zeros
        for label in labels:
            for phenomenon in [*columns, ALL]:
                if is_published(level, phenomenon, label):
                    values.setdefault((level, code, phenomenon, label), 0)
    children: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for area in areas:
        parent = geography.parent(*area)
        if parent is not None:
            children[parent].append(area)
    constraints: list[Constraint[YearNode]] = []

    def tie(total: YearNode, parts: Iterable[YearNode]) -> None:
        # A sum is published only where the total and every part of it are.
        parts = tuple(parts)
        if total in values and parts and all(part in values for part in parts):
            constraints.append(Constraint(total, parts))

    finer = {"quarter": "month", "year": "quarter"}
    for label in labels:
        step = granularity(label)
        parts = [t for t in labels if granularity(t) == finer.get(step)
                 and (quarter_of(t) == label if step == "quarter" else t[:4] == label)]  # fmt: skip
        for area in areas:
            tie((*area, ALL, label), ((*area, p, label) for p in columns))
            for phenomenon in [*columns, ALL]:
                if parts:
                    tie((*area, phenomenon, label), ((*area, phenomenon, t) for t in parts))
                if area in children:
                    tie((*area, phenomenon, label), ((*kid, phenomenon, label) for kid in children[area]))
    return dict(values), constraints


YearTables = dict[str, PeriodTable]
_local_years: OrderedDict[str, YearTables] = OrderedDict()


@dataclass
class Aggregates:
    """Suppressed report counts for every complete period label of one granularity."""

    period: str
    threshold: int = 0
    reports: QuerySet[Report] | None = None

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise ValueError(f"unknown period {self.period!r}; choose one of {', '.join(PERIODS)}")
        self.threshold = self.threshold or settings.SUPPRESSION_THRESHOLD

    @cached_property
    def phenomena(self) -> list[str]:
        return list(Phenomenon.objects.order_by("position").values_list("code", flat=True))

    @cached_property
    def tables(self) -> dict[str, PeriodTable]:
        """Complete periods only: the running month, quarter and year are not published."""
        self.year_keys: list[str] = []  # the cache key of every year's structure, in order
        geography = Geography.load()
        raw = report_cells("month", self.reports)
        current = period_label(timezone.now(), "month")
        context = hashlib.sha256(repr((self.phenomena, sorted(geography.municipality_county.items()),
                                       sorted(geography.county_area.items()))).encode()).hexdigest()  # fmt: skip
        out: dict[str, PeriodTable] = {}
        for year in sorted({int(label[:4]) for label in raw if label < current}):
            months = [f"{year}-{month:02d}" for month in range(1, 13) if f"{year}-{month:02d}" < current]
            year_raw = {label: raw[label] for label in months if label in raw}
            tables = self._suppressed(year_raw, geography, complete_labels(year, months), context)
            out.update((label, table) for label, table in tables.items() if granularity(label) == self.period)
        return out

    def _suppressed(self, raw: dict[str, Counter[tuple[str, str, str]]], geography: Geography, labels: list[str],
                    context: str) -> YearTables:  # fmt: skip
        """Suppression is a pure function of a year's raw counts: cache it under their hash,
        so a new report recomputes only its own year, and past years stay cached.

        When a year's counts have changed and an earlier table of it exists, readers get
        that earlier table (complete and suppressed in itself) while one background thread
        computes the new one: nobody waits for the national structure each time a report
        arrives (``AGGREGATES_SERVE_PREVIOUS``; off in tests)."""
        digests = [(label, _digest(raw[label])) for label in sorted(raw)]
        fingerprint = hashlib.sha256(repr((digests, labels, context)).encode()).hexdigest()
        year = labels[0][:4]
        key = f"ilmio-aggregates-{self.threshold}-{year}-{fingerprint[:32]}"
        self.year_keys.append(key)
        latest_key = f"ilmio-aggregates-latest-{self.threshold}-{year}"
        tables = _local_years.get(key) or cache.get(key)
        if tables is not None:
            _remember(key, tables)
            return tables
        if settings.AGGREGATES_SERVE_PREVIOUS and self.reports is None:
            previous = cache.get(latest_key)
            if previous is not None:
                if cache.add(f"{key}-computing", True, timeout=600):
                    threading.Thread(target=self._compute_in_background, name=f"suppress-{year}", daemon=True,
                                     args=(raw, geography, labels, key, latest_key)).start()  # fmt: skip
                return previous
        return self._compute(raw, geography, labels, key, latest_key)

    def _compute(self, raw: dict[str, Counter[tuple[str, str, str]]], geography: Geography, labels: list[str],
                 key: str, latest_key: str) -> YearTables:  # fmt: skip
        tables = suppress_year(raw, geography, self.phenomena, labels, self.threshold)
        _remember(key, tables)
        cache.set(key, tables, timeout=30 * 24 * 3600)
        if self.reports is None:
            cache.set(latest_key, tables, timeout=30 * 24 * 3600)
        return tables

    def _compute_in_background(self, *args: Any) -> None:
        try:
            self._compute(*args)
        except Exception:  # logged; the next reader whose lock has expired tries again
            logger.exception("suppressing aggregates in the background failed")
        finally:
            connections.close_all()  # this thread's own database connections

    def labels(self) -> list[str]:
        return list(self.tables)

    def cell(self, label: str, level: str, code: str, phenomenon: str = ALL) -> Cell:
        table = self.tables.get(label)
        return table.cell(level, code, phenomenon) if table else Cell(0)

    def rows(self, level: str) -> Iterable[dict[str, object]]:
        """The export contract: area_code, phenomenon, period, count (None when suppressed).
        Only cells of the publication (:data:`GRANULARITIES`): no municipality months."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
        codes = area_codes(level)
        for label, table in self.tables.items():
            for code in codes:
                for phenomenon in [*self.phenomena, ALL]:
                    if not is_published(level, phenomenon, label):
                        continue
                    cell = table.cell(level, code, phenomenon)
                    yield {"area_code": code, "phenomenon": phenomenon, "period": label,
                           "count": None if cell.suppressed else cell.value}  # fmt: skip


def publication_version() -> str:
    """Changes whenever any published report count may change (a year's raw counts of
    complete months, the threshold, the geography or the taxonomy): pages built only from
    published tables can be reused until it does."""
    aggregates = Aggregates("month")
    aggregates.tables  # noqa: B018 - computes (or finds) every year's structure
    return hashlib.sha256(repr(aggregates.year_keys).encode()).hexdigest()[:24]


def warm_aggregates() -> int:
    """Compute every period table once, so the first page view is fast; returns how many."""
    return sum(len(Aggregates(period).tables) for period in PERIODS)
