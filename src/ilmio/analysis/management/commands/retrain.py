"""``ilmio retrain``: the phenomenon model from coordinators' confirmed classifications."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser

from ilmio.analysis.retraining import retrain_from_decisions
from ilmio.core.management.base import DatabaseCommand


class Command(DatabaseCommand):
    county_only = True
    help = ("Retrain the phenomenon model from coordinators' confirmed classifications and report "
            "accuracy before and after.")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--activate", action="store_true", help="use the new model from now on")

    def handle(self, *args: Any, activate: bool, **options: Any) -> None:
        result = retrain_from_decisions(activate=activate)
        if result.examples == 0:
            raise CommandError("no confirmed classifications yet: coordinators confirm them in triage")
        self.stdout.write(result.format())
