"""Monthly report counts kept current for the situational picture.

Grouping a million reports takes seconds; a month of them takes milliseconds. So every
save or delete of a report marks its month stale (a signal, so no write path can forget),
and whoever reads the counts first recounts just the stale months. Quarters and years are
sums of months. ``rebuild_report_counts`` recounts everything (after a bulk import that
bypassed the ORM, e.g. COPY: ``ilmio recount``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ilmio.indicators.models import ReportCount, StaleReportMonth
from ilmio.reports.models import Report

HELSINKI = ZoneInfo("Europe/Helsinki")  # periods are Finnish calendar months

# Where and what a report counts as: the same three values for the counts and for any
# direct GROUP BY over reports (ilmio.indicators.aggregates).
COUNTED_FIELDS = ("county__code", "statistics_municipality__code", "primary_phenomenon__code")
# Report fields whose change moves a report between counts (a save touching none of them,
# e.g. a status change, leaves the counts as they are).
COUNTED_MODEL_FIELDS = frozenset({"county", "statistics_municipality", "primary_phenomenon", "created_at",
                                  "in_statistics"})


def month_of(moment: datetime) -> date:
    local = moment.astimezone(HELSINKI)
    return date(local.year, local.month, 1)


def _month_bounds(month: date) -> tuple[datetime, datetime]:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return (datetime(month.year, month.month, 1, tzinfo=HELSINKI),
            datetime(following.year, following.month, 1, tzinfo=HELSINKI))  # fmt: skip


def mark_stale(moments: Iterable[datetime]) -> None:
    """Mark the months of these report times for recounting.

    An upsert, not insert-or-ignore: on PostgreSQL it locks the row, so a recount that is
    deleting the mark either finishes first (and the mark is written again after it) or
    skips this month for now. Either way no report is left uncounted."""
    now = timezone.now()
    marks = [StaleReportMonth(month=month, marked_at=now) for month in sorted({month_of(m) for m in moments})]
    if marks:
        StaleReportMonth.objects.bulk_create(marks, update_conflicts=True, unique_fields=["month"],
                                             update_fields=["marked_at"])  # fmt: skip


def _count_rows(rows: Iterable[tuple[Any, ...]]) -> list[ReportCount]:
    """ReportCount rows from (month or a moment in it, county, municipality, phenomenon, n)."""
    return [ReportCount(month=month_of(month) if isinstance(month, datetime) else month, county_code=county,
                        municipality_code=municipality or "", phenomenon_code=phenomenon or "", reports=n)
            for month, county, municipality, phenomenon, n in rows]  # fmt: skip


def _recount(month: date) -> None:
    start, end = _month_bounds(month)
    rows = (Report.objects.filter(created_at__gte=start, created_at__lt=end, in_statistics=True)
            .values_list(*COUNTED_FIELDS).annotate(n=Count("pk")).order_by())  # fmt: skip
    ReportCount.objects.filter(month=month).delete()
    ReportCount.objects.bulk_create(_count_rows((month, *row) for row in rows), batch_size=2000)


def refresh_stale_counts() -> int:
    """Recount the months marked stale; returns how many. Concurrent readers on
    PostgreSQL skip months another reader is recounting (SKIP LOCKED)."""
    if not StaleReportMonth.objects.exists():
        return 0
    with transaction.atomic():
        months = list(StaleReportMonth.objects.select_for_update(skip_locked=True)
                      .order_by("month").values_list("month", flat=True))  # fmt: skip
        # Unmark first: a report saved while we count marks its month again after us.
        StaleReportMonth.objects.filter(month__in=months).delete()
        for month in months:
            _recount(month)
    return len(months)


def rebuild_report_counts() -> int:
    """Recount every month from scratch; returns the number of count rows."""
    with transaction.atomic():
        StaleReportMonth.objects.all().delete()
        ReportCount.objects.all().delete()
        rows = (Report.objects.filter(in_statistics=True)
                .annotate(start=TruncMonth("created_at", tzinfo=HELSINKI))
                .values_list("start", *COUNTED_FIELDS).annotate(n=Count("pk")).order_by())  # fmt: skip
        counts = _count_rows(rows)
        ReportCount.objects.bulk_create(counts, batch_size=5000)
    return len(counts)
