"""Delete audit events older than AUDIT_RETENTION_DAYS (`ilmio manage purge_audit_events`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from ilmio.core.audit import purge_expired_events, retention_cutoff
from ilmio.core.management.base import DatabaseCommand
from ilmio.core.models import AuditEvent


class Command(DatabaseCommand):
    help = "Delete audit events older than the retention period (ILMIO_AUDIT_RETENTION_DAYS, default 730 days)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count the events that would be deleted.")

    def handle(self, *args: Any, **options: Any) -> None:
        days = settings.AUDIT_RETENTION_DAYS
        if options["dry_run"]:
            count = AuditEvent.objects.filter(at__lt=retention_cutoff()).count()
            self.stdout.write(f"{count} audit events are older than {days} days.")
            return
        deleted = purge_expired_events()
        self.stdout.write(f"Deleted {deleted} audit events older than {days} days.")
