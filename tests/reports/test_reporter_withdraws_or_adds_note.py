"""A reporter completes or withdraws their own report afterwards: only their own, only
while it is not yet part of a summary, redacted, audited and out of every count."""

from __future__ import annotations

from typing import Any

import pytest

from ilmio.areas.models import County, Municipality
from ilmio.core.audit import AuditEvent
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio.reports.services import (
    ReporterActionRefused,
    add_report_note,
    submit_report,
    withdraw_report,
)
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db


def _report(by: Any) -> Report:
    county = County.objects.get(code="15")
    municipality = Municipality.objects.filter(county=county, active=True).first()
    report, _created = submit_report(
        {"title": "Vuokrarästit kasvavat", "description": "Häätöuhka lisääntyy nuorilla aikuisilla.",
         "municipalities": [municipality], "phenomena": [Phenomenon.objects.get(code="asuminen")]},
        county=county, channel=Report.Channel.FORM, submitted_by=by,
    )  # fmt: skip
    return report


def test_withdrawn_report_leaves_every_count_and_is_audited(make_user) -> None:  # type: ignore[no-untyped-def]
    reporter = make_user(Role.REPORTER)
    report = _report(reporter)
    assert report.in_statistics
    withdraw_report(report, by=reporter)
    report.refresh_from_db()
    assert report.status_is("retracted")
    assert not report.in_statistics
    assert not Report.objects.filter(pk=report.pk, in_statistics=True).exists()
    assert AuditEvent.objects.filter(event_type=AuditEvent.Type.REPORT_WITHDRAWN, object_id=str(report.public_id)).count() == 1
    # Withdrawn is final: neither withdrawn again nor completed with a note.
    with pytest.raises(ReporterActionRefused):
        withdraw_report(report, by=reporter)
    with pytest.raises(ReporterActionRefused):
        add_report_note(report, "Lisätieto", by=reporter)


def test_only_the_reporter_may_withdraw_or_add_a_note(make_user) -> None:  # type: ignore[no-untyped-def]
    reporter = make_user(Role.REPORTER)
    colleague = make_user(Role.REPORTER, username="colleague")
    coordinator = make_user(Role.COORDINATOR)
    report = _report(reporter)
    for someone in (colleague, coordinator, None):
        with pytest.raises(ReporterActionRefused):
            withdraw_report(report, by=someone)
        with pytest.raises(ReporterActionRefused):
            add_report_note(report, "Lisätieto", by=someone)
    report.refresh_from_db()
    assert report.status_is("withdrawable") and report.notes.count() == 0


def test_a_report_in_a_summary_can_no_longer_be_withdrawn(make_user) -> None:  # type: ignore[no-untyped-def]
    reporter = make_user(Role.REPORTER)
    report = _report(reporter)
    for status in ("analysed", "in_summary"):
        report.set_status(status)
    with pytest.raises(ReporterActionRefused):
        withdraw_report(report, by=reporter)
    report.refresh_from_db()
    assert report.in_statistics
    # A note can still complete it.
    add_report_note(report, "Tilanne jatkuu samana.", by=reporter)
    assert [n.text for n in report.notes.all()] == ["Tilanne jatkuu samana."]


def test_a_note_is_redacted_and_audited_without_its_text(make_user) -> None:  # type: ignore[no-untyped-def]
    reporter = make_user(Role.REPORTER)
    report = _report(reporter)
    note = add_report_note(report, "Soitin numeroon 040 765 4321 ja asiakas 131052-308T kertoi lisää.", by=reporter)
    note.refresh_from_db()
    assert "040 765 4321" not in note.text and "131052-308T" not in note.text
    event = AuditEvent.objects.get(event_type=AuditEvent.Type.REPORT_NOTE_ADDED, object_id=str(report.public_id))
    assert "040" not in str(event.details) and "Soitin" not in str(event.details)
    with pytest.raises(ReporterActionRefused):
        add_report_note(report, "   ", by=reporter)
    assert report.notes.count() == 1
