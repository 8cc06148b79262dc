"""The audit trail: every read of report text and every change writes one event, in the
same transaction as the change, with ids and codes but no free text; the audit log page
shows a county's events to its managers and administrators only."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from ilmio.accounts.models import User
from ilmio.analysis import services as analysis
from ilmio.analysis.models import PhenomenonCase, SignalReview
from ilmio.areas.models import County, Municipality
from ilmio.core import audit
from ilmio.core.audit import Event, audit_events_for, purge_expired_events, record_event
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Action, Decision, Proposal, Quote, Summary
from ilmio.reports.models import FeedbackContact, Report
from ilmio.reports.services import erase_feedback_contact, submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db

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


@pytest.fixture
def people(make_user):  # type: ignore[no-untyped-def]
    return {
        "reporter": make_user(Role.REPORTER),
        "coordinator": make_user(Role.COORDINATOR),
        "manager": make_user(Role.MANAGER),
        "admin": make_user(Role.ADMIN),
        "manager_13": make_user(Role.MANAGER, "13"),
    }


@pytest.fixture
def county15(reference_data):  # type: ignore[no-untyped-def]
    return County.objects.get(code="15")


# --- record_event --------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [
    {"reason": "Asiakas Matti Virtanen menetti asunnon"},
    {"title": "x" * 65},
    {"note": "rivi\nrivi"},
    {"ratio": 0.5},
    {"nested": {"a": 1}},
    {"ids_of": ["ok", "not ok at all"]},
    {"Bad key": 1},
])  # fmt: skip
def test_record_event_refuses_free_text_in_details(people, bad):
    with pytest.raises(ValueError):
        record_event(people["manager"], Event.REPORTS_LISTED, **bad)
    assert not AuditEvent.objects.filter(event_type=Event.REPORTS_LISTED).exists()


def test_record_event_accepts_ints_bools_codes_and_lists_of_them(people):
    event = record_event(people["manager"], Event.REPORTS_LISTED, page=2, public=True, format="csv",
                         statuses=["in_review", "analysed"], month="2026-05", dropped=None)  # fmt: skip
    assert event.details == {"page": 2, "public": True, "format": "csv", "statuses": ["in_review", "analysed"],
                             "month": "2026-05"}  # fmt: skip


def test_record_event_refuses_an_unknown_event_type(people):
    with pytest.raises(ValueError):
        record_event(people["manager"], "report_burned")


def test_record_event_takes_the_county_of_the_object_and_the_role_of_the_actor(people):
    report = file_report("13", "297")
    event = record_event(people["manager"], Event.REPORT_VIEWED, obj=report)
    assert (event.county.code, event.actor_role, event.object_type) == ("13", "manager", "report")
    assert event.object_id == str(report.public_id)


def test_record_event_caps_the_ids_of_a_list_and_keeps_the_total(people):
    event = record_event(people["manager"], Event.REPORTS_LISTED, ids=range(1500))
    assert len(event.details["ids"]) == audit.MAX_IDS and event.details["total"] == 1500


def test_audit_events_are_append_only(people):
    event = record_event(people["manager"], Event.REPORTS_LISTED)
    event.details = {"page": 3}
    with pytest.raises(ValueError):
        event.save()


# --- reads ---------------------------------------------------------------------------------


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


def draft(people: dict[str, Any], county: County) -> Summary:
    today = timezone.localdate()
    return loop.draft_summary(county=county, title="Kevään yhteenveto", period_start=today - timedelta(days=30),
                              period_end=today, by=people["coordinator"])  # fmt: skip


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


# --- writes: one event each, in the transaction of the change ------------------------------


def _summary_in(status: str, people: dict[str, Any], county: County) -> Summary:
    file_report()
    summary = draft(people, county)
    if status in ("approved", "published"):
        loop.approve_summary(summary, by=people["manager"])
    return summary


def _proposal(people: dict[str, Any], county: County) -> Proposal:
    return loop.create_proposal(county=county, title="Ehdotus", text="Teksti", addressed_to="steering_group",
                                by=people["manager"])  # fmt: skip


# name -> (module whose record_event to wrap, event type, setup returning (call, persisted?))
Setup = Callable[[dict[str, Any], County], tuple[Callable[[], Any], Callable[[], bool]]]


def _change_status(people, county):  # type: ignore[no-untyped-def]
    report = file_report()
    return (lambda: analysis.change_status(report, "in_review", by=people["coordinator"], reason="Katsotaan tarkemmin"),
            lambda: Report.objects.get(pk=report.pk).status == "in_review")  # fmt: skip


def _classify(people, county):  # type: ignore[no-untyped-def]
    report = file_report()
    primary = Phenomenon.objects.get(code="toimeentulo")
    return (lambda: analysis.classify_report(report, primary=primary, by=people["coordinator"]),
            lambda: Report.objects.get(pk=report.pk).primary_phenomenon_id == primary.pk)  # fmt: skip


def _create_case(people, county):  # type: ignore[no-untyped-def]
    report = file_report()
    return (lambda: analysis.create_case(county=county, title="Uusi ilmiö", by=people["coordinator"], reports=[report]),
            lambda: PhenomenonCase.objects.filter(title="Uusi ilmiö").exists())  # fmt: skip


def _update_case(people, county):  # type: ignore[no-untyped-def]
    case = analysis.create_case(county=county, title="Vanha nimi", by=people["coordinator"])
    return (lambda: analysis.update_case(case, title="Uusi nimi", by=people["coordinator"]),
            lambda: PhenomenonCase.objects.get(pk=case.pk).title == "Uusi nimi")  # fmt: skip


def _review_signal(people, county):  # type: ignore[no-untyped-def]
    phenomenon = Phenomenon.objects.get(code="asuminen")
    return (lambda: analysis.review_signal(county=county, phenomenon=phenomenon, municipality_code="179",
                                           last_month="2026-05", decision="confirmed", by=people["coordinator"],
                                           note="Sama ilmiö kuin keväällä"),
            lambda: SignalReview.objects.exists())  # fmt: skip


def _draft_summary(people, county):  # type: ignore[no-untyped-def]
    file_report()
    return (lambda: draft(people, county), lambda: Summary.objects.exists())


def _submit_summary(people, county):  # type: ignore[no-untyped-def]
    summary = _summary_in("draft", people, county)
    return (lambda: loop.submit_summary(summary, by=people["coordinator"]),
            lambda: Summary.objects.get(pk=summary.pk).status == "in_review")  # fmt: skip


def _approve_summary(people, county):  # type: ignore[no-untyped-def]
    summary = _summary_in("draft", people, county)
    return (lambda: loop.approve_summary(summary, by=people["manager"]),
            lambda: Summary.objects.get(pk=summary.pk).status == "approved")  # fmt: skip


def _publish_summary(people, county):  # type: ignore[no-untyped-def]
    summary = _summary_in("approved", people, county)
    return (lambda: loop.publish_summary(summary, "decision_makers", by=people["manager"]),
            lambda: Summary.objects.get(pk=summary.pk).status == "published")  # fmt: skip


def _approve_quote(people, county):  # type: ignore[no-untyped-def]
    quote = _summary_in("draft", people, county).quotes.first()
    return (lambda: loop.approve_quote(quote, True, by=people["manager"]),
            lambda: Quote.objects.get(pk=quote.pk).approved_for_public)  # fmt: skip


def _create_proposal(people, county):  # type: ignore[no-untyped-def]
    return (lambda: _proposal(people, county), lambda: Proposal.objects.exists())


def _record_decision(people, county):  # type: ignore[no-untyped-def]
    proposal = _proposal(people, county)
    return (lambda: loop.record_decision(proposal, outcome="accepted", decided_on=timezone.localdate(),
                                         body="Ohjausryhmä", by=people["manager"], rationale="Perustelut tekstinä"),
            lambda: Decision.objects.exists())  # fmt: skip


def _create_action(people, county):  # type: ignore[no-untyped-def]
    return (lambda: loop.create_action(county=county, title="Neuvonta", owner="Johto", by=people["manager"]),
            lambda: Action.objects.exists())  # fmt: skip


def _update_action(people, county):  # type: ignore[no-untyped-def]
    action = loop.create_action(county=county, title="Neuvonta", owner="Johto")
    return (lambda: loop.update_action(action, status="in_progress", by=people["manager"]),
            lambda: Action.objects.get(pk=action.pk).status == "in_progress")  # fmt: skip


def _import_actions(people, county):  # type: ignore[no-untyped-def]
    from ilmio.knowledge.action_files import import_rows

    rows = [{"reference": "P1", "title": "Asumisneuvonta", "owner": "Johto", "status": "planned"}]
    return (lambda: import_rows(county, rows, by=people["manager"]),
            lambda: Action.objects.filter(reference="P1").exists())  # fmt: skip


def _submit_report(people, county):  # type: ignore[no-untyped-def]
    return (lambda: file_report(by=people["reporter"]), lambda: Report.objects.exists())


def _erase_contact(people, county):  # type: ignore[no-untyped-def]
    report = file_report(by=people["reporter"], consent=True)
    return (lambda: erase_feedback_contact(report, by=people["manager"]),
            lambda: not FeedbackContact.objects.filter(report=report).exists())  # fmt: skip


def _create_user(people, county):  # type: ignore[no-untyped-def]
    from ilmio.accounts.services import create_user

    return (lambda: create_user("uusi_koordinaattori", role="coordinator", county=county, by=people["admin"]),
            lambda: User.objects.filter(username="uusi_koordinaattori").exists())  # fmt: skip


def _change_role(people, county):  # type: ignore[no-untyped-def]
    from ilmio.accounts.services import change_role

    target = people["reporter"]
    return (lambda: change_role(target, "coordinator", by=people["admin"]),
            lambda: User.objects.get(pk=target.pk).role == "coordinator")  # fmt: skip


WRITES: dict[str, tuple[str, str, Setup]] = {
    "change_status": ("ilmio.analysis.services", Event.REPORT_STATUS_CHANGED, _change_status),
    "classify_report": ("ilmio.analysis.services", Event.REPORT_CLASSIFIED, _classify),
    "create_case": ("ilmio.analysis.services", Event.CASE_CREATED, _create_case),
    "update_case": ("ilmio.analysis.services", Event.CASE_UPDATED, _update_case),
    "review_signal": ("ilmio.analysis.services", Event.SIGNAL_REVIEWED, _review_signal),
    "draft_summary": ("ilmio.knowledge.services", Event.SUMMARY_DRAFTED, _draft_summary),
    "submit_summary": ("ilmio.knowledge.services", Event.SUMMARY_SUBMITTED, _submit_summary),
    "approve_summary": ("ilmio.knowledge.services", Event.SUMMARY_APPROVED, _approve_summary),
    "publish_summary": ("ilmio.knowledge.services", Event.SUMMARY_PUBLISHED, _publish_summary),
    "approve_quote": ("ilmio.knowledge.services", Event.QUOTE_APPROVED, _approve_quote),
    "create_proposal": ("ilmio.knowledge.services", Event.PROPOSAL_CREATED, _create_proposal),
    "record_decision": ("ilmio.knowledge.services", Event.DECISION_RECORDED, _record_decision),
    "create_action": ("ilmio.knowledge.services", Event.ACTION_CREATED, _create_action),
    "update_action": ("ilmio.knowledge.services", Event.ACTION_UPDATED, _update_action),
    "import_rows": ("ilmio.knowledge.action_files", Event.ACTIONS_IMPORTED, _import_actions),
    "submit_report": ("ilmio.reports.services", Event.REPORT_SUBMITTED, _submit_report),
    "erase_feedback_contact": ("ilmio.reports.services", Event.FEEDBACK_CONTACT_ERASED, _erase_contact),
    "create_user": ("ilmio.accounts.services", Event.USER_CREATED, _create_user),
    "change_role": ("ilmio.accounts.services", Event.ROLE_CHANGED, _change_role),
}


@pytest.mark.parametrize("name", WRITES)
def test_write_function_records_one_event_with_its_actor_and_county(people, county15, name):
    _module, event_type, setup = WRITES[name]
    call, persisted = setup(people, county15)
    AuditEvent.objects.all().delete()
    call()
    assert persisted()
    event = only(event_type)
    assert event.actor is not None and event.actor_role == event.actor.role
    assert event.county == county15
    assert_no_text(event)
    assert "Katsotaan" not in json.dumps(event.details) and "Perustelut" not in json.dumps(event.details)


@pytest.mark.parametrize("name", WRITES)
def test_write_function_event_and_change_roll_back_together(people, county15, name):
    """An exception after the change and its event were written undoes both."""
    module, event_type, setup = WRITES[name]
    call, persisted = setup(people, county15)
    AuditEvent.objects.all().delete()

    def record_then_fail(actor: Any, kind: str, **kwargs: Any) -> AuditEvent:
        event = record_event(actor, kind, **kwargs)
        if kind == event_type:
            raise RuntimeError("failure after the change")
        return event

    with mock.patch(f"{module}.record_event", record_then_fail), pytest.raises(RuntimeError):
        call()
    assert not persisted()
    assert not AuditEvent.objects.filter(event_type=event_type).exists()


def test_report_submission_event_names_the_channel_and_the_report(people):
    report = file_report(by=people["reporter"])
    event = only(Event.REPORT_SUBMITTED)
    assert (event.details["channel"], event.details["report"], event.object_id) == ("form", report.pk,
                                                                                    str(report.public_id))  # fmt: skip


def test_status_change_event_has_from_and_to_but_not_the_reason(people):
    report = file_report()
    analysis.change_status(report, "in_review", by=people["coordinator"], reason="Katsotaan tarkemmin")
    event = only(Event.REPORT_STATUS_CHANGED)
    assert event.details == {"from_status": "received", "to_status": "in_review"}


# --- log-ins -------------------------------------------------------------------------------


def test_login_is_audited(people):
    response = Client().post("/accounts/login/", {"username": "manager_15", "password": "test-pass-123"})
    assert response.status_code == 302
    event = only(Event.LOGIN)
    assert (event.actor, event.county.code) == (people["manager"], "15")


def test_failed_login_names_the_account_but_stores_nothing_typed(people):
    Client().post("/accounts/login/", {"username": "manager_15", "password": "Salasana väärin 123"})
    event = only(Event.LOGIN_FAILED)
    assert (event.actor, event.object_type, event.object_id) == (None, "user", str(people["manager"].pk))
    assert "manager_15" not in json.dumps(event.details) and "väärin" not in json.dumps(event.details)


def test_failed_login_with_an_unknown_name_stores_no_name(people):
    Client().post("/accounts/login/", {"username": "matti.virtanen@example.org", "password": "x"})
    event = only(Event.LOGIN_FAILED)
    assert (event.object_id, event.county, event.details) == ("", None, {})


# --- the audit log page --------------------------------------------------------------------


def test_manager_sees_only_the_events_of_their_own_county(people):
    own, other = file_report(), file_report("13", "297")
    record_event(people["manager"], Event.REPORT_VIEWED, obj=own)
    record_event(people["manager_13"], Event.REPORT_VIEWED, obj=other)
    html = client_for(people["manager"]).get("/audit/").content.decode()
    assert str(own.public_id) in html and str(other.public_id) not in html
    assert set(audit_events_for(people["manager_13"]).values_list("county__code", flat=True)) == {"13"}


def test_coordinator_may_not_open_the_audit_log(people):
    assert client_for(people["coordinator"]).get("/audit/").status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(reference_data):
    response = Client().get("/audit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_admin_sees_their_county_events(people):
    report = file_report()
    record_event(people["coordinator"], Event.REPORT_VIEWED, obj=report)
    assert str(report.public_id) in client_for(people["admin"]).get("/audit/").content.decode()


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


def _listed(client: Client, query: str) -> str:
    response = client.get(f"/audit/?{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_filter_by_event_type(people):
    first, second = _three_events(people)
    html = _listed(client_for(people["manager"]), "event_type=report_viewed")
    assert str(first.public_id) in html and "old-report" in html and "Reports listed" not in html.split("<tbody>")[1]


def test_filter_by_actor_username(people):
    first, _second = _three_events(people)
    html = _listed(client_for(people["manager"]), "actor=COORDINATOR_15")
    assert str(first.public_id) in html and "old-report" not in html


def test_filter_by_dates(people):
    first, _second = _three_events(people)
    start = (timezone.localdate() - timedelta(days=41)).isoformat()
    end = (timezone.localdate() - timedelta(days=39)).isoformat()
    html = _listed(client_for(people["manager"]), f"date_from={start}&date_to={end}")
    assert "old-report" in html and str(first.public_id) not in html


def test_filter_by_object_id_finds_list_reads_naming_it(people):
    first, second = _three_events(people)
    html = _listed(client_for(people["manager"]), f"object_id={second.public_id}")
    body = html.split("<tbody>")[1]
    assert "Reports listed" in body and str(first.public_id) not in body


@pytest.mark.parametrize("query", ["date_from=31.31.2026", "date_from=2026-05-10&date_to=2026-05-01",
                                   "object_id=a b c", "event_type=nonsense", "page=abc"])  # fmt: skip
def test_bad_filter_input_gives_a_message_not_an_error(people, query):
    _three_events(people)
    response = client_for(people["manager"]).get(f"/audit/?{query}")
    assert response.status_code == 200
    if query != "page=abc":
        assert "Check the filters" in response.content.decode()


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


def test_audit_log_page_is_translated(people):
    record_event(people["coordinator"], Event.REPORT_VIEWED, obj=file_report())
    client = client_for(people["manager"])
    finnish = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    swedish = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Tapahtumaloki" in finnish and "Raportti luettu" in finnish
    assert "Händelselogg" in swedish and "Rapport läst" in swedish


# --- retention -----------------------------------------------------------------------------


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
