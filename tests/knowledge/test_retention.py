"""`ilmio apply-retention`: it deletes what is due and nothing else (time moved, not waited
for); a dry run deletes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from ilmio.core.audit import Event, record_event
from ilmio.core.models import AuditEvent
from ilmio.knowledge.retention import apply_retention
from ilmio.reports.models import FeedbackContact, Report
from tests.knowledge.helpers import file

pytestmark = pytest.mark.django_db


def test_what_is_due_goes_and_the_rest_stays(reference_data, capsys):
    now = timezone.now()
    closed, open_recent, open_old = file(consent=True), file(consent=True), file(consent=True)
    Report.objects.filter(pk=closed.pk).update(status=Report.WORKFLOW.named("on_close"))  # its loop is over
    FeedbackContact.objects.filter(report=open_old).update(
        created_at=now - timedelta(days=settings.FEEDBACK_CONTACT_RETENTION_DAYS + 1))
    old_event = record_event(None, Event.REPORT_SUBMITTED, obj=open_recent)
    AuditEvent.objects.filter(pk=old_event.pk).update(at=now - timedelta(days=settings.AUDIT_RETENTION_DAYS + 1))
    AccessAttempt.objects.create(username="x", ip_address="127.0.0.1", attempt_time=now, failures_since_start=1)
    AccessAttempt.objects.filter().update(attempt_time=now - timedelta(days=settings.LOGIN_RECORD_RETENTION_DAYS + 1))
    events_before = AuditEvent.objects.count()

    dry = apply_retention(now, dry_run=True)
    assert dry.deleted["feedback contacts"] == 2 and dry.deleted["audit events"] == 1
    assert FeedbackContact.objects.count() == 3 and AuditEvent.objects.count() == events_before
    assert AccessAttempt.objects.count() == 1

    done = apply_retention(now)
    assert done.deleted == dry.deleted
    assert list(FeedbackContact.objects.values_list("report", flat=True)) == [open_recent.pk]
    assert Report.objects.filter(pk__in=[closed.pk, open_old.pk]).count() == 2  # the reports stay
    assert not AuditEvent.objects.filter(pk=old_event.pk).exists()
    assert AuditEvent.objects.filter(event_type=Event.FEEDBACK_CONTACT_ERASED).count() == 2
    assert not AccessAttempt.objects.exists()
    assert apply_retention(now).deleted["feedback contacts"] == 0  # nothing left that is due

    call_command("apply_retention", "--dry-run")
    assert "would delete 0 feedback contacts" in capsys.readouterr().out
