"""``ilmio export aggregates``: suppressed report counts of complete periods."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.core.management.base import DatabaseCommand
from ilmio.core.tables import to_csv, to_json
from ilmio.indicators.disclosure import AGGREGATE_COLUMNS, published


class Command(DatabaseCommand):
    county_only = True
    help = ("Export report counts by primary phenomenon, area and period, suppressed: "
            "area_code, phenomenon, period, count (phenomenon ALL = total; suppressed counts are empty).")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--level", required=True, choices=["country", "cooperation_area", "county", "municipality"])
        parser.add_argument("--period", default="month", choices=["month", "quarter", "year"])
        parser.add_argument("--format", default="csv", choices=["csv", "json"])
        parser.add_argument("--output", help="file, or - for standard output (default)")

    def handle(self, *args: Any, level: str, period: str, format: str, output: str | None,  # noqa: A002
               **options: Any) -> None:  # fmt: skip
        rows = list(published(period).rows(level))
        text = to_csv(rows, AGGREGATE_COLUMNS) if format == "csv" else to_json(rows, AGGREGATE_COLUMNS)
        if output is None or output == "-":
            self.stdout.write(text, ending="")
            return
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror or error}") from error
