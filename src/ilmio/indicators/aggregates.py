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
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear

from ilmio.areas.models import County, Municipality
from ilmio.reports.models import Report
from ilmio.stats.suppression import Cell, Constraint, suppress
from ilmio.taxonomy.models import Phenomenon

LEVELS = ("country", "cooperation_area", "county", "municipality")
PERIODS = ("month", "quarter", "year")
ALL = "ALL"
COUNTRY_CODE = "FI"
COUNTYWIDE = "countywide"  # reports on several municipalities or a whole county
UNCLASSIFIED = "_"  # reports without a primary phenomenon: counted, never shown alone
HELSINKI = ZoneInfo("Europe/Helsinki")

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


def report_cells(period: str, reports: QuerySet[Report] | None = None) -> dict[str, Counter[tuple[str, str, str]]]:
    """Raw counts per period label, {(level, code, phenomenon): n}, at the lowest level only.

    One GROUP BY in the database: a million reports become a few thousand rows.
    """
    if period not in TRUNCATE:
        raise ValueError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")
    seconds = settings.AGGREGATES_CACHE_SECONDS
    if reports is None and seconds:
        # The GROUP BY takes seconds over a million reports: readers share one result for
        # a minute (statistics may lag new reports by that much).
        key = f"ilmio-report-cells-{period}"
        cached = cache.get(key)
        if cached is None:
            cached = _report_cells(period, Report.objects.all())
            cache.set(key, cached, timeout=seconds)
        return cached
    return _report_cells(period, Report.objects.all() if reports is None else reports)


def _report_cells(period: str, queryset: QuerySet[Report]) -> dict[str, Counter[tuple[str, str, str]]]:
    rows = (queryset.annotate(start=TRUNCATE[period]("created_at", tzinfo=HELSINKI))
            .values_list("start", "county__code", "statistics_municipality__code", "primary_phenomenon__code")
            .annotate(n=Count("pk")).order_by())  # fmt: skip
    result: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    for start, county_code, municipality_code, phenomenon, count in rows:
        where = ("municipality", municipality_code) if municipality_code else (COUNTYWIDE, county_code)
        moment = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day, tzinfo=HELSINKI)
        result[period_label(moment, period)][(*where, phenomenon or UNCLASSIFIED)] += count
    return result


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
        node = (level, code)
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
    constraints: list[Constraint] = []
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


@dataclass
class Aggregates:
    """Suppressed report counts for every period label of one granularity."""

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
        geography = Geography.load()
        raw = report_cells(self.period, self.reports)
        return {label: self._suppressed(raw[label], geography, label) for label in sorted(raw)}

    def _suppressed(self, raw: Counter[tuple[str, str, str]], geography: Geography, label: str) -> PeriodTable:
        """Suppression is a pure function of the raw counts: cache it under their hash, so
        a new report recomputes only its own period, and past periods stay cached."""
        fingerprint = hashlib.sha256(repr((sorted(raw.items()), self.phenomena, sorted(
            geography.municipality_county.items()), sorted(geography.county_area.items()))).encode()).hexdigest()  # fmt: skip
        key = f"ilmio-aggregates-{self.threshold}-{label}-{fingerprint[:32]}"
        table = cache.get(key)
        if table is None:
            table = suppress_period(raw, geography, self.phenomena, label, self.threshold)
            cache.set(key, table, timeout=30 * 24 * 3600)
        return table

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
