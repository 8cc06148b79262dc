"""Exporting the audit log (CSV, XLSX): the filtered events of one's own county only, and
the export is itself audited; bad filters send the user back to the page."""

from __future__ import annotations

import io

import pytest

from ilmio.core.audit import Event, record_event
from ilmio.core.models import AuditEvent
from tests.quality.audit_helpers import _three_events, client_for, file_report, only

pytestmark = pytest.mark.django_db


def test_csv_export_contains_the_filtered_events_and_is_audited(people):
    first, _second = _three_events(people)
    response = client_for(people["manager"]).get("/audit/export.csv?event_type=report_viewed&actor=coordinator_15")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().strip().splitlines()
    assert lines[0] == "at,event_type,actor,actor_role,object_type,object_id,county,details"
    assert len(lines) == 2 and str(first.public_id) in lines[1] and "coordinator_15" in lines[1]
    event = only(Event.AUDIT_EXPORTED)
    assert event.actor == people["manager"]
    assert event.details == {"format": "csv", "rows": 1, "event_filter": "report_viewed", "actor_filter": True}


def test_xlsx_export_contains_the_events(people):
    from openpyxl import load_workbook

    client = client_for(people["manager"])
    first, second = _three_events(people)
    response = client.get("/audit/export.xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("at", "event_type", "actor") and len(rows) == 1 + 3
    assert {r[5] or "" for r in rows[1:]} == {str(first.public_id), "", "old-report"}
    assert only(Event.AUDIT_EXPORTED).details["rows"] == 3


def test_export_contains_no_other_county_events(people):
    record_event(people["manager_13"], Event.REPORT_VIEWED, obj=file_report("13", "297"))
    client = client_for(people["manager"])
    lines = client.get("/audit/export.csv?event_type=report_viewed").content.decode().strip().splitlines()
    assert len(lines) == 1


def test_export_with_bad_filters_goes_back_to_the_page(people):
    response = client_for(people["manager"]).get("/audit/export.csv?date_from=eilen")
    assert response.status_code == 302 and response["Location"].startswith("/audit/?")
    assert not AuditEvent.objects.filter(event_type=Event.AUDIT_EXPORTED).exists()
