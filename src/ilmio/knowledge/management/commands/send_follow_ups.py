"""``ilmio send-follow-ups``: ask reporters whether things changed after an action (daily)."""

from __future__ import annotations

from typing import Any

from ilmio.core.management.base import DatabaseCommand
from ilmio.knowledge.services import send_due_follow_ups


class Command(DatabaseCommand):
    county_only = True
    help = ("Ask reporters, four weeks after an action was done, whether things changed "
            "(run daily, e.g. from cron).")  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"follow-up questions sent: {send_due_follow_ups()}")
