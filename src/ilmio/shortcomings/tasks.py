"""Background work (django-tasks) of notifications of shortcomings: e-mails never run inside a request."""

from __future__ import annotations

from django_tasks import task

from ilmio.shortcomings.services import escalate_overdue, send_overdue_reminders


@task()
def send_shortcoming_reminders(escalate: bool = False) -> dict[str, int]:
    """Escalate what is past its correction deadline (if asked), then remind the receivers
    of what is past a deadline. Returns the counts (for the task's result)."""
    escalated = len(escalate_overdue()) if escalate else 0
    return {"escalated": escalated, "reminded": send_overdue_reminders()}
