"""``ilmio load-reference`` (second half): the national taxonomy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.core.loading import ReferenceDataError
from ilmio.core.management.base import DatabaseCommand
from ilmio.taxonomy.loading import TAXONOMY_JSON, load_taxonomy


class Command(DatabaseCommand):
    help = "Load or reload the taxonomy: phenomena, target groups, service areas (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--taxonomy", type=Path, default=TAXONOMY_JSON, help="taxonomy JSON")

    def handle(self, *args: Any, taxonomy: Path, **options: Any) -> None:
        try:
            result = load_taxonomy(taxonomy)
        except ReferenceDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"taxonomy: {result.summary()}")
