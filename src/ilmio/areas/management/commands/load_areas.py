"""``ilmio load-reference`` (first half): municipalities, counties, cooperation areas, population."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.areas import loading
from ilmio.core.loading import ReferenceDataError
from ilmio.core.management.base import DatabaseCommand


class Command(DatabaseCommand):
    help = "Load or reload the geography and population (idempotent; the shipped files by default)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipalities", type=Path, default=loading.MUNICIPALITIES_CSV,
                            help="municipality classification CSV")  # fmt: skip
        parser.add_argument("--year", type=int, help="classification year (default: from the file name)")
        parser.add_argument("--population", type=Path, default=loading.POPULATION_CSV, help="population CSV")

    def handle(self, *args: Any, municipalities: Path, year: int | None, population: Path, **options: Any) -> None:
        try:
            results = [("municipalities", loading.load_municipalities(municipalities, year=year)),
                       ("population", loading.load_population(population))]  # fmt: skip
        except ReferenceDataError as error:
            raise CommandError(str(error)) from error
        for name, result in results:
            self.stdout.write(f"{name}: {result.summary()}")
