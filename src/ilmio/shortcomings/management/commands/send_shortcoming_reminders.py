"""``ilmio manage send_shortcoming_reminders``: remind receivers of overdue notifications (daily)."""

from __future__ import annotations

from typing import Any

from ilmio.core.management.base import DatabaseCommand
from ilmio.shortcomings.services import escalate_overdue, send_overdue_reminders


class Command(DatabaseCommand):
    county_only = True
    help = ("E-mail the receivers of notifications of shortcomings that are past a deadline; with "
            "--escalate, first notify the supervisory authority of those past the correction deadline "
            "(run daily, e.g. from cron).")  # fmt: skip

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument("--escalate", action="store_true",
                            help="escalate the notifications past their correction deadline first")  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        if options.get("escalate"):
            self.stdout.write(f"notifications escalated: {len(escalate_overdue())}")
        self.stdout.write(f"reminders sent: {send_overdue_reminders()}")
