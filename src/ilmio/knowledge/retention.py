"""Retention: what is deleted when, run daily by ``ilmio apply-retention``.

* **Feedback contacts** (the e-mail address or account a reporter left to hear what came of a
  report) go when the report's loop is over — closed, or left out of the analysis (withdrawn,
  a duplicate, not actionable) — and in any case ``FEEDBACK_CONTACT_RETENTION_DAYS`` after
  they were given. Each goes through ``erase_feedback_contact`` (audited), the report stays.
* **Audit events** go after ``AUDIT_RETENTION_DAYS`` (``ilmio.core.audit``).
* **Log-in records** of django-axes (attempts and access logs: user names and addresses) go
  after ``LOGIN_RECORD_RETENTION_DAYS``.
* **Sessions** that have expired go.
* Rules of later stages (workshop registrations, ``ilmio.participation``) register themselves
  with :func:`register_rule` and run with these.

Lives in the feedback stage because it is the loop's end that decides; every rule's numbers
are settings. A dry run does everything inside a transaction that is rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ilmio.core.audit import purge_expired_events
from ilmio.reports.models import FeedbackContact, Report
from ilmio.reports.services import erase_feedback_contact


@dataclass
class RetentionReport:
    deleted: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def lines(self) -> list[str]:
        verb = "would delete" if self.dry_run else "deleted"
        return [f"{verb} {count} {what}" for what, count in self.deleted.items()]


# What a later stage deletes each day: (what, rule(now) -> how many). Registered, not
# imported, so that this stage knows no stage above it.
_RULES: dict[str, Callable[[datetime], int]] = {}


def register_rule(what: str, rule: Callable[[datetime], int]) -> None:
    _RULES[what] = rule


class _RolledBack(Exception):
    """Raised inside a dry run to undo it."""


def loop_closed_statuses() -> list[str]:
    return [*Report.WORKFLOW.with_flag("left_out"), Report.WORKFLOW.named("on_close")]


def due_feedback_contacts(now: datetime) -> list[FeedbackContact]:
    cutoff = now - timedelta(days=int(settings.FEEDBACK_CONTACT_RETENTION_DAYS))
    return list(FeedbackContact.objects.filter(Q(report__status__in=loop_closed_statuses()) | Q(created_at__lt=cutoff))
                .select_related("report"))  # fmt: skip


def _apply(now: datetime) -> dict[str, int]:
    from axes.models import AccessAttempt, AccessLog
    from django.contrib.sessions.models import Session

    contacts = due_feedback_contacts(now)
    for contact in contacts:
        erase_feedback_contact(contact.report)
    login_cutoff = now - timedelta(days=int(settings.LOGIN_RECORD_RETENTION_DAYS))
    attempts, _ = AccessAttempt.objects.filter(attempt_time__lt=login_cutoff).delete()
    logs, _ = AccessLog.objects.filter(attempt_time__lt=login_cutoff).delete()
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    return {"feedback contacts": len(contacts), "audit events": purge_expired_events(now),
            "log-in records": attempts + logs, "expired sessions": sessions,
            **{what: rule(now) for what, rule in _RULES.items()}}  # fmt: skip


def apply_retention(now: datetime | None = None, *, dry_run: bool = False) -> RetentionReport:
    now = now or timezone.now()
    report = RetentionReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            report.deleted = _apply(now)
            if dry_run:
                raise _RolledBack
    except _RolledBack:
        pass
    return report


