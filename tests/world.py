"""A small world of two counties for ownership and audience tests.

County 15 (Keski-Suomi, "own") and county 13 (Pohjois-Savo, "other") each get one user
per role, reports, a case, a code with a coded passage, a signal review, summaries in
every state and audience, proposals from each of them (and from the case), decisions,
actions, a milestone, a follow-up and notifications. Every free-text value carries its
county's tag (``ksuomi`` / ``psavo``) and names what it is, so a test can say exactly
which text must not appear in a response.

The ``world`` fixture of ``tests/conftest.py`` builds it once per test module inside a
transaction that is rolled back at the end; each test runs in a savepoint of it
(pytest-django's ``db``), so a request that wrongly changes something does not leak into
the next test. A module that defines a fixture of its own named ``world`` uses that one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps
from django.test import Client

OWN, OTHER = "15", "13"
TAGS = {OWN: "ksuomi", OTHER: "psavo"}
MUNICIPALITY = {OWN: "179", OTHER: "297"}  # Jyväskylä, Kuopio
COUNTY_ROLES = ["reporter", "coordinator", "manager", "decision_maker", "partner", "admin"]
# Summaries by state/audience; "draft" and "approved" are not published.
SUMMARY_KINDS = ["draft", "approved", "internal", "decision_makers", "public"]
# Proposals: one per summary kind, one from the case only, one undecided (public summary).
PROPOSAL_KINDS = [*SUMMARY_KINDS, "case"]
PERIOD = (date(2000, 1, 1), date(2000, 1, 2))  # no report falls in it: statements are ours only


@dataclass
class CountyWorld:
    code: str
    tag: str
    county: Any
    municipality: Any
    users: dict[str, Any]
    reports: dict[str, Any]
    case: Any
    code_obj: Any
    passage: Any
    signal_review: Any
    summaries: dict[str, Any]
    quotes: dict[str, Any]
    proposals: dict[str, Any]
    actions: dict[str, Any]
    milestone: Any
    follow_up: Any
    notifications: list[Any] = field(default_factory=list)

    def marker(self, kind: str, name: str) -> str:
        return f"{self.tag}-{kind}-{name}"


def _check(stored: str, marker: str) -> None:
    assert marker in stored, f"redaction changed the test marker {marker!r}: {stored!r}"


def build_county(code: str) -> CountyWorld:
    from ilmio.accounts.models import User
    from ilmio.analysis.services import code_passage, create_case, create_code, review_signal
    from ilmio.areas.models import County, Municipality
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import Action, Notification, Quote
    from ilmio.reports.models import Report
    from ilmio.reports.services import submit_report
    from ilmio.taxonomy.models import Phenomenon

    tag = TAGS[code]
    county = County.objects.get(code=code)
    municipality = Municipality.objects.get(code=MUNICIPALITY[code])
    housing = Phenomenon.objects.get(code="asuminen")
    users = {role: User.objects.create(username=f"{role}_{code}", role=role, county=county) for role in COUNTY_ROLES}

    def report(name: str, by: Any, consent: bool) -> Any:
        created, _ = submit_report(
            {"title": f"{tag}-report-{name}", "description": f"Vuokrarästit kasvavat {tag}-text-{name} ja häätöuhka lisääntyy.",
             "municipalities": [municipality], "phenomena": [housing], "wants_feedback": consent},
            county=county, channel=Report.Channel.FORM, submitted_by=by,
        )  # fmt: skip
        _check(created.title, f"{tag}-report-{name}")
        _check(created.description, f"{tag}-text-{name}")
        return created

    reports = {"main": report("main", users["reporter"], True), "second": report("second", users["coordinator"], False),
               "partner": report("partner", users["partner"], True)}  # fmt: skip
    main = reports["main"]
    case = create_case(county=county, title=f"{tag}-case-title", by=users["coordinator"], phenomenon=housing,
                       description=f"{tag}-case-description", analysis_notes=f"{tag}-case-notes", reports=[main])  # fmt: skip
    code_obj = create_code(county=county, name=f"{tag}-code-name", description=f"{tag}-code-description")
    start = main.description.index(f"{tag}-text-main")
    passage = code_passage(main, code_obj, start, start + len(f"{tag}-text-main"), by=users["coordinator"])
    signal_review = review_signal(county=county, phenomenon=housing, municipality_code=municipality.code,
                                  last_month="2026-01", decision="confirmed", by=users["coordinator"],
                                  note=f"{tag}-signal-note")  # fmt: skip

    summaries, quotes = {}, {}
    for kind in SUMMARY_KINDS:
        summary = loop.draft_summary(county=county, title=f"{tag}-summary-{kind}", period_start=PERIOD[0],
                                     period_end=PERIOD[1], by=users["coordinator"], phenomena=[housing])  # fmt: skip
        loop.add_statement(summary, f"{tag}-statement-{kind}", [main, reports["partner"]])
        # Quotes approved for the public in every summary: only a public summary may show them.
        quotes[kind] = Quote.objects.create(summary=summary, report=main, text=f"{tag}-quote-{kind}", approved_for_public=True)
        if kind != "draft":
            loop.approve_summary(summary, by=users["manager"])
        if kind in ("internal", "decision_makers", "public"):
            loop.publish_summary(summary, kind, by=users["manager"])
        summaries[kind] = summary
    quotes["unapproved"] = Quote.objects.create(summary=summaries["public"], report=main,
                                                       text=f"{tag}-quote-unapproved", approved_for_public=False)  # fmt: skip

    proposals, actions = {}, {}
    for kind in PROPOSAL_KINDS:
        link = {"case": case} if kind == "case" else {"summary": summaries[kind]}
        proposal = loop.create_proposal(county=county, title=f"{tag}-proposal-{kind}", text=f"{tag}-proposal_text-{kind}",
                                        addressed_to="steering_group", addressed_to_name=f"{tag}-body_name-{kind}",
                                        by=users["manager"], **link)  # fmt: skip
        loop.record_decision(proposal, outcome="accepted", decided_on=date(2026, 2, 1), body=f"{tag}-decision_body-{kind}",
                             rationale=f"{tag}-rationale-{kind}", owner=f"{tag}-owner-{kind}", by=users["manager"])  # fmt: skip
        action = Action.objects.get(proposal=proposal)
        action.title, action.description, action.reference = f"{tag}-action-{kind}", f"{tag}-action_text-{kind}", f"{tag}-ref-{kind}"
        action.save()
        proposals[kind], actions[kind] = proposal, action
    proposals["pending"] = loop.create_proposal(
        county=county, title=f"{tag}-proposal-pending", text=f"{tag}-proposal_text-pending", addressed_to="steering_group",
        by=users["manager"], summary=summaries["public"],
    )  # fmt: skip
    # A sub-action of the internal proposal's action: it stems from the internal summary too.
    actions["internal_child"] = loop.create_action(county=county, title=f"{tag}-subaction-internal", owner="Johto",
                                                   parent=actions["internal"], reference=f"{tag}-ref-subaction")  # fmt: skip
    # One action done: the reporters who consented get a follow-up and notifications.
    loop.update_action(actions["public"], status="done", by=users["manager"])
    actions["public"].refresh_from_db()
    milestone = loop.add_milestone(actions["public"], f"{tag}-milestone-public")
    from ilmio.knowledge.models import FollowUp

    follow_up = FollowUp.objects.get(report=main, action=actions["public"])
    for item in (summaries, proposals, actions, quotes):
        for obj in item.values():
            obj.refresh_from_db()
    return CountyWorld(
        code=code, tag=tag, county=county, municipality=municipality, users=users, reports=reports, case=case,
        code_obj=code_obj, passage=passage, signal_review=signal_review, summaries=summaries, quotes=quotes,
        proposals=proposals, actions=actions, milestone=milestone, follow_up=follow_up,
        notifications=list(Notification.objects.filter(report__county=county)),
    )  # fmt: skip


@dataclass
class World:
    own: CountyWorld
    other: CountyWorld
    national_analyst: Any


def build_world() -> World:
    from ilmio.accounts.models import User

    own, other = build_county(OWN), build_county(OTHER)
    analyst = User.objects.create(username="national_analyst", role="national_analyst", county=None)
    assert own.notifications and other.notifications and own.follow_up.pk
    return World(own=own, other=other, national_analyst=analyst)


# --- requests -------------------------------------------------------------------------


def client_for(user: Any = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def body_text(response: Any) -> str:
    """The response as text; spreadsheets are read cell by cell."""
    content = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    if content[:2] == b"PK":
        import zipfile

        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if "project.qde" in archive.namelist():  # a REFI-QDA project: its XML and its text sources
                return "\n".join(archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist())
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content), read_only=True).active
        return "\n".join(" ".join("" if v is None else str(v) for v in row) for row in sheet.iter_rows(values_only=True))
    return content.decode("utf-8", errors="replace")


def csv_upload(rows: list[dict[str, Any]], name: str = "actions.csv") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ilmio.knowledge.action_files import COLUMNS

    handle = io.StringIO()
    writer = csv.DictWriter(handle, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in COLUMNS})
    return SimpleUploadedFile(name, handle.getvalue().encode(), content_type="text/csv")


def messages_of(response: Any) -> list[str]:
    from django.contrib.messages import get_messages

    return [str(m) for m in get_messages(response.wsgi_request)] if hasattr(response, "wsgi_request") else []


# --- the database, county by county -------------------------------------------------


def _rows(queryset: Any) -> list[dict[str, Any]]:
    return sorted((dict(row) for row in queryset.values()), key=lambda row: repr(sorted(row.items())))


def snapshot(county_code: str) -> dict[str, list[dict[str, Any]]]:
    """Every row that belongs to (or points at) a county, table by table."""
    from django.db.models import Q

    get = apps.get_model
    Report, County = get("reports", "Report"), get("areas", "County")
    county = County.objects.get(code=county_code)
    c = county.pk
    Summary, Statement, Case = get("knowledge", "Summary"), get("knowledge", "Statement"), get("analysis", "PhenomenonCase")
    tables: dict[str, Any] = {
        "report": Report.objects.filter(county_id=c),
        "report_phenomena": Report.phenomena.through.objects.filter(report__county_id=c),
        "report_municipalities": Report.municipalities.through.objects.filter(
            Q(report__county_id=c) | Q(municipality__county_id=c)),
        "report_target_groups": Report.target_groups.through.objects.filter(report__county_id=c),
        "feedback_contact": get("reports", "FeedbackContact").objects.filter(report__county_id=c),
        "status_change": get("analysis", "StatusChange").objects.filter(report__county_id=c),
        "case": Case.objects.filter(county_id=c),
        "case_reports": Case.reports.through.objects.filter(Q(phenomenoncase__county_id=c) | Q(report__county_id=c)),
        "code": get("analysis", "Code").objects.filter(Q(county_id=c) | Q(parent__county_id=c)),
        "coded_passage": get("analysis", "CodedPassage").objects.filter(Q(code__county_id=c) | Q(report__county_id=c)),
        "signal_review": get("analysis", "SignalReview").objects.filter(
            Q(county_id=c) | Q(municipality_code__in=list(county.municipalities.values_list("code", flat=True)))),
        "summary": Summary.objects.filter(county_id=c),
        "summary_cases": Summary.cases.through.objects.filter(Q(summary__county_id=c) | Q(phenomenoncase__county_id=c)),
        "statement": Statement.objects.filter(summary__county_id=c),
        "statement_citations": Statement.citations.through.objects.filter(
            Q(statement__summary__county_id=c) | Q(report__county_id=c)),
        "quote": get("knowledge", "Quote").objects.filter(Q(summary__county_id=c) | Q(report__county_id=c)),
        "summary_revision": get("knowledge", "SummaryRevision").objects.filter(summary__county_id=c),
        "proposal": get("knowledge", "Proposal").objects.filter(
            Q(county_id=c) | Q(summary__county_id=c) | Q(case__county_id=c)),
        "decision": get("knowledge", "Decision").objects.filter(proposal__county_id=c),
        "action": get("knowledge", "Action").objects.filter(
            Q(county_id=c) | Q(proposal__county_id=c) | Q(parent__county_id=c)),
        "milestone": get("knowledge", "Milestone").objects.filter(action__county_id=c),
        "notification": get("knowledge", "Notification").objects.filter(report__county_id=c),
        "follow_up": get("knowledge", "FollowUp").objects.filter(Q(report__county_id=c) | Q(action__county_id=c)),
        "idea": get("participation", "Idea").objects.filter(county_id=c),
        "idea_contact": get("participation", "IdeaContact").objects.filter(idea__county_id=c),
        "listening_round": get("participation", "ListeningRound").objects.filter(county_id=c),
        "round_answer": get("participation", "RoundAnswer").objects.filter(round__county_id=c),
        "workshop_series": get("participation", "WorkshopSeries").objects.filter(county_id=c),
        "workshop_session": get("participation", "WorkshopSession").objects.filter(series__county_id=c),
        "workshop_registration": get("participation", "WorkshopRegistration").objects.filter(session__series__county_id=c),
        "worksheet": get("participation", "Worksheet").objects.filter(session__series__county_id=c),
        "worksheet_entry": get("participation", "WorksheetEntry").objects.filter(worksheet__session__series__county_id=c),
        "workshop_compilation": get("participation", "WorkshopCompilation").objects.filter(series__county_id=c),
        "compiled_item": get("participation", "CompiledItem").objects.filter(compilation__series__county_id=c),
        "forum": get("participation", "Forum").objects.filter(county_id=c),
        "forum_topic": get("participation", "ForumTopic").objects.filter(forum__county_id=c),
        "topic_vote": get("participation", "TopicVote").objects.filter(topic__forum__county_id=c),
    }
    return {name: _rows(qs.distinct()) for name, qs in tables.items()}


def assert_unchanged(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]) -> None:
    changed = []
    for table, rows in before.items():
        if rows == after[table]:
            continue
        old, new = {r.get("id", repr(r)): r for r in rows}, {r.get("id", repr(r)): r for r in after[table]}
        for key in sorted(old.keys() | new.keys(), key=str):
            if key not in new:
                changed.append(f"{table} {key}: deleted")
            elif key not in old:
                changed.append(f"{table} {key}: added {new[key]}")
            elif old[key] != new[key]:
                fields = {f: (old[key][f], new[key][f]) for f in old[key] if old[key][f] != new[key][f]}
                changed.append(f"{table} {key}: {fields}")
    assert not changed, "the data changed:\n" + "\n".join(changed)
