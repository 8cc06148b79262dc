"""Every change through a write function writes one audit event with its actor and county,
in the same transaction as the change (an exception undoes both), with ids and codes but
no free text."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from django.utils import timezone

from ilmio.accounts.models import User
from ilmio.analysis import services as analysis
from ilmio.analysis.models import PhenomenonCase, SignalReview
from ilmio.areas.models import County
from ilmio.core.audit import Event, record_event
from ilmio.core.models import AuditEvent
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Action, Decision, Proposal, Quote, Summary
from ilmio.reports.models import FeedbackContact, Report
from ilmio.reports.services import erase_feedback_contact
from ilmio.taxonomy.models import Phenomenon
from tests.quality.audit_helpers import assert_no_text, draft, file_report, only

pytestmark = pytest.mark.django_db


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


def _draft_from_case(people, county):  # type: ignore[no-untyped-def]
    report = file_report()
    case = analysis.create_case(county=county, title="Kortti", by=people["coordinator"], reports=[report])
    return (lambda: loop.draft_summary_from_case(case, by=people["coordinator"], language="sv"),
            lambda: Summary.objects.filter(cases=case, language="sv").exists())  # fmt: skip


def _edit_summary(people, county):  # type: ignore[no-untyped-def]
    summary = _summary_in("draft", people, county)
    return (lambda: loop.edit_summary(summary, by=people["coordinator"], narrative="Uusi kertomus jaksosta."),
            lambda: Summary.objects.get(pk=summary.pk).narrative == "Uusi kertomus jaksosta.")  # fmt: skip


def _add_statement(people, county):  # type: ignore[no-untyped-def]
    summary = _summary_in("draft", people, county)
    cited = list(summary.statements.first().citations.all()[:1])
    return (lambda: loop.add_statement(summary, "Havainto toistuu.", cited, by=people["coordinator"]),
            lambda: summary.statements.filter(text="Havainto toistuu.").exists())  # fmt: skip


def _written(people, county):  # type: ignore[no-untyped-def]
    summary = _summary_in("draft", people, county)
    cited = list(summary.statements.first().citations.all()[:1])
    return loop.add_statement(summary, "Havainto toistuu.", cited, by=people["coordinator"])


def _edit_statement(people, county):  # type: ignore[no-untyped-def]
    statement = _written(people, county)
    return (lambda: loop.edit_statement(statement, by=people["coordinator"], text="Havainto toistuu usein."),
            lambda: type(statement).objects.get(pk=statement.pk).text == "Havainto toistuu usein.")  # fmt: skip


def _delete_statement(people, county):  # type: ignore[no-untyped-def]
    statement = _written(people, county)
    pk = statement.pk  # delete() clears the instance's pk
    return (lambda: loop.delete_statement(statement, by=people["coordinator"]),
            lambda: not type(statement).objects.filter(pk=pk).exists())  # fmt: skip


def _return_summary(people, county):  # type: ignore[no-untyped-def]
    summary = loop.submit_summary(_summary_in("draft", people, county), by=people["coordinator"])
    return (lambda: loop.return_summary(summary, by=people["manager"], comment="Perustelut puuttuvat."),
            lambda: Summary.objects.get(pk=summary.pk).is_editable)  # fmt: skip


WRITES: dict[str, tuple[str, str, Setup]] = {
    "change_status": ("ilmio.analysis.services", Event.REPORT_STATUS_CHANGED, _change_status),
    "classify_report": ("ilmio.analysis.services", Event.REPORT_CLASSIFIED, _classify),
    "create_case": ("ilmio.analysis.services", Event.CASE_CREATED, _create_case),
    "update_case": ("ilmio.analysis.services", Event.CASE_UPDATED, _update_case),
    "review_signal": ("ilmio.analysis.services", Event.SIGNAL_REVIEWED, _review_signal),
    "draft_summary": ("ilmio.knowledge.services", Event.SUMMARY_DRAFTED, _draft_summary),
    "draft_summary_from_case": ("ilmio.knowledge.services", Event.SUMMARY_DRAFTED, _draft_from_case),
    "edit_summary": ("ilmio.knowledge.services", Event.SUMMARY_EDITED, _edit_summary),
    "add_statement": ("ilmio.knowledge.services", Event.SUMMARY_EDITED, _add_statement),
    "edit_statement": ("ilmio.knowledge.services", Event.SUMMARY_EDITED, _edit_statement),
    "delete_statement": ("ilmio.knowledge.services", Event.SUMMARY_EDITED, _delete_statement),
    "return_summary": ("ilmio.knowledge.services", Event.SUMMARY_RETURNED, _return_summary),
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
