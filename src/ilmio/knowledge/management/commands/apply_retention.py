"""``ilmio apply-retention``: delete what the retention rules say is due (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from ilmio.core.management.base import DatabaseCommand
from ilmio.knowledge.retention import apply_retention


class Command(DatabaseCommand):
    help = ("Delete feedback contacts whose report's loop is over or that are older than the retention period, "
            "old audit events and log-in records, expired sessions, and what later stages register "
            "(workshop registrations after their session).")  # fmt: skip

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report what would be deleted; delete nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        report = apply_retention(dry_run=options["dry_run"])
        for line in report.lines():
            self.stdout.write(line)
