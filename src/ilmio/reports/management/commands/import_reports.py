"""``ilmio import reports FILE``: a county's history of social reports from CSV/XLSX."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.areas.models import County
from ilmio.core.management.base import DatabaseCommand
from ilmio.reports.importing import TARGETS, ColumnMapping, TableError, import_reports, read_table

MAX_PRINTED_PROBLEMS = 50


class Command(DatabaseCommand):
    county_only = True
    help = "Import historical reports from a Webropol/Forms export or a plain sheet (CSV or XLSX)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the CSV or XLSX file")
        parser.add_argument("--county", default="15", help="county code (default 15)")
        parser.add_argument("--column", action="append", default=[], metavar="FIELD=HEADER",
                            help=f"map a field to a column header (fields: {', '.join(TARGETS)}); "
                                 "an empty HEADER unmaps a guessed column")  # fmt: skip
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would be stored; store nothing"
        )
        parser.add_argument(
            "--start-row", type=int, default=0, help="skip the first N data rows (resume)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        county = County.objects.filter(code=options["county"]).first()
        if county is None:
            raise CommandError(f"unknown county {options['county']!r}")
        overrides: dict[str, str] = {}
        for item in options["column"]:
            target, sep, header = item.partition("=")
            if not sep or target not in TARGETS:
                raise CommandError(
                    f"--column {item!r}: use FIELD=HEADER with FIELD one of {', '.join(TARGETS)}"
                )
            overrides[target] = header
        try:
            rows = read_table(options["file"])
        except (TableError, OSError) as error:
            raise CommandError(f"{options['file']}: {error}") from error
        mapping = ColumnMapping.guess(rows[0].keys(), overrides)
        if "description" not in mapping.columns:
            raise CommandError(
                "no description column found: map one with --column description=HEADER"
            )
        self.stdout.write("columns: " + ", ".join(f"{t}={h!r}" for t, h in mapping.columns.items()))

        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\r{done}/{total} rows")
            sys.stderr.flush()

        result = import_reports(county, rows, mapping, dry_run=options["dry_run"],
                                start_row=max(options["start_row"], 0), progress=progress)  # fmt: skip
        sys.stderr.write("\n")
        for problem in result.problems[:MAX_PRINTED_PROBLEMS]:
            self.stdout.write(problem.message)
        if len(result.problems) > MAX_PRINTED_PROBLEMS:
            self.stdout.write(f"… and {len(result.problems) - MAX_PRINTED_PROBLEMS} more problems")
        verb = "would create" if options["dry_run"] else "created"
        self.stdout.write(f"{verb} {result.created}, duplicates skipped {result.skipped_duplicates}, "
                          f"rows with problems {len(result.problems)}, last row done {result.last_row}")  # fmt: skip
        if result.problems:
            raise CommandError(
                f"{len(result.problems)} rows had problems and were not imported", returncode=1
            )
