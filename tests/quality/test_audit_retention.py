"""Audit events are kept for the retention period (two years by default) and purged after it."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ilmio.core.audit import Event, purge_expired_events
from ilmio.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_purge_deletes_only_events_older_than_the_retention(people, settings):
    settings.AUDIT_RETENTION_DAYS = 30
    now = timezone.now()
    for days in (31, 29):
        AuditEvent.objects.create(event_type=Event.LOGIN, at=now - timedelta(days=days), object_id=str(days))
    assert purge_expired_events(now) == 1
    assert list(AuditEvent.objects.values_list("object_id", flat=True)) == ["29"]


def test_purge_command_uses_the_retention_setting(people, settings):
    settings.AUDIT_RETENTION_DAYS = 730
    AuditEvent.objects.create(event_type=Event.LOGIN, at=timezone.now() - timedelta(days=731))
    AuditEvent.objects.create(event_type=Event.LOGIN, at=timezone.now() - timedelta(days=700))
    out = io.StringIO()
    call_command("purge_audit_events", stdout=out)
    assert "Deleted 1 audit events older than 730 days" in out.getvalue()
    assert AuditEvent.objects.count() == 1


def test_retention_defaults_to_two_years():
    from ilmio import settings as project_settings

    assert project_settings.AUDIT_RETENTION_DAYS == 730
