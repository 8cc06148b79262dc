"""``ilmio recount``: monthly report counts from all reports, then every suppressed table."""

from __future__ import annotations

import time
from typing import Any

from ilmio.core.management.base import DatabaseCommand
from ilmio.indicators.aggregates import warm_aggregates
from ilmio.indicators.counts import rebuild_report_counts


class Command(DatabaseCommand):
    help = ("Recount the monthly report counts from all reports and prepare the suppressed aggregates "
            "(after importing reports in bulk, e.g. with COPY).")  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        rows = rebuild_report_counts()
        counted = time.perf_counter()
        tables = warm_aggregates()
        self.stdout.write(f"Recounted reports: {rows} count rows in {counted - started:.1f} s; "
                          f"{tables} suppressed period tables ready in {time.perf_counter() - counted:.1f} s.")  # fmt: skip
