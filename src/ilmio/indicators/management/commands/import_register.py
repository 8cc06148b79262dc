"""``ilmio import register PATH``: a monitoring-register extract into suppressed indicators."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from ilmio.core.management.base import DatabaseCommand
from ilmio.indicators import statistics
from ilmio.stats.register import aggregate_extract


class Command(DatabaseCommand):
    help = ("Aggregate a monitoring-register extract (CSV or Parquet) into suppressed indicators, with DuckDB "
            "on this machine or Apache Spark on a cluster (the same SQL).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the extract, .csv or .parquet")
        parser.add_argument("--real", action="store_true", help="the extract is real data, not a synthetic sample")
        parser.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb",
                            help="duckdb (default, one machine) or spark (needs pyspark and Java)")
        parser.add_argument("--master", default="local[2]",
                            help="Spark master: local[N] (default local[2]), spark://host:7077, yarn, k8s://…")

    def handle(self, *args: Any, path: Path, real: bool, engine: str, master: str, **options: Any) -> None:
        if not path.is_file():
            raise CommandError(f"{path}: file not found")
        if path.suffix.lower() not in {".csv", ".parquet"}:
            raise CommandError(f"{path}: a register extract is a .csv or .parquet file")

        def progress(phase: str, fraction: float) -> None:
            self.stderr.write(f"\r{phase:<12} {fraction:6.1%}", style_func=str, ending="")
            self.stderr.flush()

        try:
            values = aggregate_extract(path, statistics.area_rows(), threshold=settings.SUPPRESSION_THRESHOLD,
                                       progress=progress, engine="spark" if engine == "spark" else "duckdb",
                                       master=master)  # fmt: skip
            self.stderr.write("", style_func=str)
            result = statistics.import_register_values(values, sample=not real)
        except statistics.StatisticsError as error:
            raise CommandError(str(error)) from error
        except ImportError as error:
            raise CommandError(f"the Spark engine needs pyspark (pip install 'ilmio[spark]'): {error}") from error
        self.stdout.write(result.summary())
