"""Every read of report text writes one audit event naming what was read, with ids but no
free text: report pages and lists, the API, triage, cases, passage, summary and action
exports; a refused read writes none."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from ilmio.analysis import services as analysis
from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from ilmio.knowledge import services as loop
from tests.quality.audit_helpers import assert_no_text, client_for, draft, file_report, only

pytestmark = pytest.mark.django_db


def test_report_page_writes_one_report_viewed_event(people):
    report = file_report()
    assert client_for(people["coordinator"]).get(f"/reports/{report.public_id}/").status_code == 200
    event = only(Event.REPORT_VIEWED)
    assert (event.actor, event.county.code, event.object_id) == (people["coordinator"], "15", str(report.public_id))
    assert_no_text(event)


def test_a_refused_report_page_writes_no_event(people):
    report = file_report("13", "297")
    assert client_for(people["coordinator"]).get(f"/reports/{report.public_id}/").status_code == 404
    assert not AuditEvent.objects.filter(event_type=Event.REPORT_VIEWED).exists()


def test_report_list_writes_one_event_naming_the_listed_ids(people):
    reports = [file_report() for _ in range(3)]
    file_report("13", "297")
    assert client_for(people["manager"]).get("/reports/").status_code == 200
    event = only(Event.REPORTS_LISTED)
    assert set(event.details["ids"]) == {str(r.public_id) for r in reports} and event.details["total"] == 3
    assert (event.actor, event.county.code, event.details["view"]) == (people["manager"], "15", "list")
    assert_no_text(event)


def test_my_reports_writes_one_event_naming_the_own_reports(people):
    mine = file_report(by=people["reporter"])
    file_report()
    assert client_for(people["reporter"]).get("/reports/mine/").status_code == 200
    event = only(Event.REPORTS_LISTED)
    assert event.details["ids"] == [str(mine.public_id)] and event.actor == people["reporter"]


def test_api_report_read_writes_one_event(people):
    report = file_report()
    assert client_for(people["coordinator"]).get(f"/api/v1/reports/{report.public_id}").status_code == 200
    event = only(Event.REPORT_VIEWED)
    assert (event.object_id, event.details["view"], event.county.code) == (str(report.public_id), "api", "15")
    assert_no_text(event)


def test_api_report_list_writes_one_event_naming_the_ids(people):
    reports = [file_report() for _ in range(2)]
    assert client_for(people["coordinator"]).get("/api/v1/reports?limit=10").status_code == 200
    event = only(Event.REPORTS_LISTED)
    assert set(event.details["ids"]) == {str(r.public_id) for r in reports} and event.details["view"] == "api"


def test_triage_page_writes_one_report_viewed_event(people):
    report = file_report()
    assert client_for(people["coordinator"]).get(f"/triage/reports/{report.public_id}/").status_code == 200
    event = only(Event.REPORT_VIEWED)
    assert (event.details["view"], event.actor) == ("triage", people["coordinator"])
    assert_no_text(event)


def test_triage_queue_writes_one_event_naming_the_page(people):
    reports = [file_report() for _ in range(2)]
    assert client_for(people["coordinator"]).get("/triage/").status_code == 200
    event = only(Event.REPORTS_LISTED)
    assert set(event.details["ids"]) == {str(r.public_id) for r in reports} and event.details["view"] == "triage"


def test_case_page_writes_one_event_naming_its_reports(people, county15):
    report = file_report()
    case = analysis.create_case(county=county15, title="Asumisen ilmiö", by=people["coordinator"], reports=[report])
    assert client_for(people["coordinator"]).get(f"/triage/cases/{case.pk}/").status_code == 200
    event = only(Event.REPORTS_LISTED)
    assert (event.object_type, event.object_id, event.details["ids"]) == ("phenomenoncase", str(case.pk),
                                                                           [str(report.public_id)])  # fmt: skip


def test_passage_export_writes_one_passages_exported_event(people, county15):
    report = file_report()
    code = analysis.create_code(county=county15, name="Häätö")
    analysis.code_passage(report, code, 0, 10, by=people["coordinator"])
    assert client_for(people["coordinator"]).get("/triage/codebook/export.csv").status_code == 200
    event = only(Event.PASSAGES_EXPORTED)
    assert event.details == {"format": "csv", "passages": 1, "ids": [str(report.public_id)], "total": 1}
    assert event.county == county15


def test_summary_page_writes_one_summary_viewed_event(people, county15):
    report = file_report()
    summary = draft(people, county15)
    assert client_for(people["manager"]).get(f"/knowledge/summaries/{summary.pk}/").status_code == 200
    event = only(Event.SUMMARY_VIEWED)
    assert (event.object_id, event.details["ids"], event.actor) == (str(summary.pk), [str(report.public_id)],
                                                                    people["manager"])  # fmt: skip
    assert_no_text(event)


def test_summary_markdown_export_writes_summary_exported(people, county15):
    file_report()
    summary = draft(people, county15)
    assert client_for(people["manager"]).get(f"/knowledge/summaries/{summary.pk}/export.md").status_code == 200
    event = only(Event.SUMMARY_EXPORTED)
    assert event.details == {"format": "md", "audience": "internal"} and event.county == county15


def test_summary_pdf_download_writes_summary_pdf_downloaded(people, county15):
    file_report()
    summary = draft(people, county15)
    summary.pdf_internal.save("internal.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    response = client_for(people["manager"]).get(f"/knowledge/summaries/{summary.pk}/export.pdf")
    assert response.status_code == 200
    assert only(Event.SUMMARY_PDF_DOWNLOADED).details == {"format": "pdf", "audience": "internal"}


def test_public_summary_export_is_audited_without_an_actor(people, county15):
    file_report()
    summary = draft(people, county15)
    loop.approve_summary(summary, by=people["manager"])
    loop.publish_summary(summary, "public", by=people["manager"])
    assert Client().get(f"/knowledge/public/summaries/{summary.pk}/export.md").status_code == 200
    event = only(Event.SUMMARY_EXPORTED)
    assert (event.actor, event.county, event.details["audience"]) == (None, county15, "public")


def test_action_export_writes_one_actions_exported_event(people, county15):
    loop.create_action(county=county15, title="Neuvonta", owner="Johto")
    assert client_for(people["manager"]).get("/knowledge/actions/export.xlsx").status_code == 200
    event = only(Event.ACTIONS_EXPORTED)
    assert (event.details, event.county, event.actor) == ({"format": "xlsx"}, county15, people["manager"])
