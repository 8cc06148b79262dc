"""``ilmio send-newsletters [--month YYYY-MM]``: the monthly digest to subscribers."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError

from ilmio.core.management.base import DatabaseCommand
from ilmio.knowledge.newsletter import parse_month, previous_month, send_newsletters


class Command(DatabaseCommand):
    county_only = True
    help = ("Send the monthly newsletter (what was published and decided) to staff who subscribe; "
            "each month is sent to each subscriber once (run monthly, e.g. from cron).")  # fmt: skip

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--month", default="", help="YYYY-MM (default: the previous calendar month)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        month = options["month"] or previous_month()
        if parse_month(month) is None:
            raise CommandError(f"--month must be YYYY-MM, not {month!r}")
        self.stdout.write(f"newsletters sent for {month}: {send_newsletters(month)}")
