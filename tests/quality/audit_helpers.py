"""Shared helpers of the audit-trail tests (test_audit_*.py): a report filed with known
text, the one event of a type, a check that an event carries none of that text, a draft
summary and three events to filter. The users are the ``people`` fixture of conftest.py."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from ilmio.areas.models import County, Municipality
from ilmio.core.audit import Event, record_event
from ilmio.core.models import AuditEvent
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Summary
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

TITLE = "Vuokrarästit kasvavat nopeasti"


DESCRIPTION = "Asiakkaat kertovat häätöuhasta, kun vuokrarästit kasvavat asumistuen muutosten jälkeen."


TEXT_WORDS = ("Vuokrarästit", "vuokrarästit", "häätöuhasta", "Asiakkaat", "asumistuen")


def file_report(county: str = "15", municipality: str = "179", by: Any = None, consent: bool = False) -> Report:
    report, _ = submit_report(
        {"title": TITLE, "description": DESCRIPTION, "phenomena": [Phenomenon.objects.get(code="asuminen")],
         "municipalities": [Municipality.objects.get(code=municipality)], "wants_feedback": consent},
        county=County.objects.get(code=county), channel=Report.Channel.FORM, submitted_by=by,
        feedback_email="" if by else "palaute@example.org",
    )  # fmt: skip
    return report


def client_for(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def only(event_type: str) -> AuditEvent:
    events = list(AuditEvent.objects.filter(event_type=event_type))
    assert len(events) == 1, [str(e) for e in events]
    return events[0]


def assert_no_text(event: AuditEvent) -> None:
    stored = json.dumps(event.details, ensure_ascii=False) + event.object_id + event.object_type
    assert not [word for word in TEXT_WORDS if word in stored], stored


def draft(people: dict[str, Any], county: County) -> Summary:
    today = timezone.localdate()
    return loop.draft_summary(county=county, title="Kevään yhteenveto", period_start=today - timedelta(days=30),
                              period_end=today, by=people["coordinator"])  # fmt: skip


def _three_events(people: dict[str, Any]) -> tuple[Report, Report]:
    first, second = file_report(), file_report()
    AuditEvent.objects.all().delete()  # submissions and log-ins
    record_event(people["coordinator"], Event.REPORT_VIEWED, obj=first)
    record_event(people["manager"], Event.REPORTS_LISTED, ids=[second])
    old = AuditEvent.objects.create(actor=people["manager"], actor_role="manager", event_type=Event.REPORT_VIEWED,
                                    object_type="report", object_id="old-report", county=first.county,
                                    at=timezone.now() - timedelta(days=40))  # fmt: skip
    assert old.pk
    return first, second
