"""Notifications of shortcomings counted for the annual summary (self-monitoring report).

Every number goes through the disclosure door (:func:`ilmio.indicators.disclosure.tally`):
the counts of one year by service area are suppressed as one structure with their total,
and the counts by phenomenon as another. A year is counted once it has ended (complete
periods only, as every published number), so a cell does not change while someone
watches it fill. Nothing here names a notifier.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from ilmio.indicators.disclosure import Shown, tally
from ilmio.shortcomings.access import county_shortcomings
from ilmio.shortcomings.models import Shortcoming
from ilmio.taxonomy.models import Phenomenon


@dataclass
class YearCounts:
    year: int
    complete: bool
    by_service_area: list[tuple[str, Shown]]
    total: Shown
    by_phenomenon: list[tuple[str, Shown]]


def _filed_in(user: Any, year: int) -> list[Shortcoming]:
    """The county's notifications filed in the year (local time: the ORM's year is local)."""
    return list(county_shortcomings(user).prefetch_related("phenomena").filter(created_at__year=year))


def is_complete(year: int, now: datetime | None = None) -> bool:
    return year < timezone.localdate(now or timezone.now()).year


def service_area_counts(user: Any, year: int, now: datetime | None = None) -> tuple[dict[str, Shown], Shown]:
    """Notifications filed in the year by service area, and their total (suppressed)."""
    if not is_complete(year, now):
        return {code: Shown(None) for code in Shortcoming.ServiceArea.values}, Shown(None)
    counted = Counter(s.service_area for s in _filed_in(user, year))
    return tally({code: counted.get(code, 0) for code in Shortcoming.ServiceArea.values})


def phenomenon_counts(user: Any, year: int, now: datetime | None = None) -> dict[str, Shown]:
    """Links of the year's notifications to phenomena (one notification may name several)."""
    if not is_complete(year, now):
        return {}
    counted: Counter[str] = Counter(p.code for s in _filed_in(user, year) for p in s.phenomena.all())
    if not counted:
        return {}
    shown, _total = tally(dict(counted))
    return shown


def year_counts(user: Any, year: int, now: datetime | None = None) -> YearCounts:
    areas, total = service_area_counts(user, year, now)
    labels = dict(Shortcoming.ServiceArea.choices)
    phenomena = phenomenon_counts(user, year, now)
    names = {p.code: p.label for p in Phenomenon.objects.filter(code__in=list(phenomena))}
    return YearCounts(
        year=year, complete=is_complete(year, now),
        by_service_area=[(str(labels[code]), value) for code, value in areas.items()], total=total,
        by_phenomenon=[(names.get(code, code), value) for code, value in phenomena.items()],
    )  # fmt: skip


def counts_by_service_area_and_year(user: Any, years: list[int], now: datetime | None = None) -> dict[int, dict[str, Shown]]:
    """The basis of the annual summary: service area × year, each year suppressed as one table."""
    result = {}
    for year in years:
        cells, total = service_area_counts(user, year, now)
        result[year] = {**cells, "total": total}
    return result


def public_phenomenon_counts(phenomenon_code: str, county_codes: list[str], years: list[int],
                             now: datetime | None = None) -> list[tuple[int, Shown]]:  # fmt: skip
    """Notifications linked to a phenomenon in these counties per complete year, for the
    phenomenon brief: each year's counts by county suppressed as one structure, its total
    shown only as that structure publishes it. Incomplete years are not counted."""
    out = []
    for year in years:
        if not is_complete(year, now):
            continue
        rows = (Shortcoming.objects.filter(phenomena__code=phenomenon_code, county__code__in=county_codes,
                                           created_at__year=year).values_list("county__code", flat=True))  # fmt: skip
        counted = Counter(rows)
        _cells, total = tally({code: counted.get(code, 0) for code in county_codes})
        out.append((year, total))
    return out
