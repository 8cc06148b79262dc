"""``ilmio generate register-extract PATH``: a synthetic monitoring-register extract."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.areas.loading import latest_population
from ilmio.areas.models import Municipality
from ilmio.core.management.base import DatabaseCommand
from ilmio_demo import DemoModeRequired, require_demo_mode
from ilmio_demo.register_extract import generate_extract


class Command(DatabaseCommand):
    help = ("Write a realistic synthetic register extract (.parquet or .csv) for the loaded "
            "municipalities. Demo mode only.")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="file to write: .csv, otherwise Parquet")
        parser.add_argument("--rows", type=int, default=100_000, help="service episodes (default 100000)")
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")

    def handle(self, *args: Any, path: Path, rows: int, seed: int, **options: Any) -> None:
        try:
            require_demo_mode()
        except DemoModeRequired as error:
            raise CommandError(str(error)) from error
        if rows < 1:
            raise CommandError("--rows must be positive")
        population = latest_population()
        municipalities = [(code, county, population.get(code, 1000)) for code, county in
                          Municipality.objects.filter(active=True).values_list("code", "county__code")]  # fmt: skip
        if not municipalities:
            raise CommandError("no municipalities loaded: run 'ilmio load-reference' first")
        written = generate_extract(path, rows, municipalities=municipalities, seed=seed,
                                   format="csv" if path.suffix.lower() == ".csv" else "parquet")  # fmt: skip
        self.stdout.write(f"wrote {rows} synthetic rows to {written}")
