"""``ilmio send-action-reminders``: remind managers of overdue and due-soon actions (daily)."""

from __future__ import annotations

from typing import Any

from ilmio.core.management.base import DatabaseCommand
from ilmio.knowledge.services import send_action_reminders


class Command(DatabaseCommand):
    county_only = True
    help = ("Remind each county's managers by e-mail of actions that are overdue or due within a week "
            "(run daily, e.g. from cron; each action is reminded once while due soon and once overdue).")  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"action reminders sent: {send_action_reminders()}")
