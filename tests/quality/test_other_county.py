"""Ownership, Healthchecks-style: another county's object is as good as absent.

A user of county 15 (Keski-Suomi) who holds the capability acts on an object of county
13 (Pohjois-Savo), through every URL pattern, every API operation and every ``action=``
branch of the views. Each case asserts three things:

* the status: 404 when the object is named in the URL (or is the very row a POST would
  change); when the other county's object is only *referred to* from a request on one's
  own object, the answer must be exactly the one a non-existent id gets (same status,
  same redirect, same messages): the response tells nothing about whether it exists;
* nothing of county 13 changed in the database (every row of it and pointing at it);
* no text of county 13 (every value carries the tag ``psavo``) and no id of its reports
  appears in the response or its messages.

Lists and pages without an object are swept the same way: they must show nothing of
county 13 (public pages: nothing but what county 13 published to the public).
"""

from __future__ import annotations

import io
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.world import (
    OTHER,
    OWN,
    World,
    assert_unchanged,
    body_text,
    client_for,
    csv_upload,
    messages_of,
    snapshot,
)

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "ilmio"
LEAK = re.compile(r"psavo-[a-z_]+-[a-z_]+")
USERNAME = re.compile(r"\b(?:reporter|coordinator|manager|decision_maker|partner|admin)_13\b")
# What county 13 published to the public; public pages may show it to anyone.
PUBLIC_CHAIN = frozenset({
    "psavo-summary-public", "psavo-statement-public", "psavo-quote-public", "psavo-proposal-public",
    "psavo-decision_body-public", "psavo-action-public", "psavo-proposal_text-public",
    "psavo-body_name-public", "psavo-rationale-public",
    # Undecided, but proposed on the strength of the public summary.
    "psavo-proposal-pending", "psavo-proposal_text-pending",
})  # fmt: skip
MISSING_PK = 999_999
MISSING_UUID = "00000000-0000-4000-8000-000000000000"

READERS = ["coordinator", "manager", "admin"]  # READ_REPORT_TEXT
OWN_REPORTS = ["reporter", "partner", "coordinator", "manager", "admin"]  # VIEW_OWN_REPORTS
TRIAGERS = ["coordinator", "admin"]  # TRIAGE
DECIDERS = ["manager", "admin"]  # DECIDE
FORWARDED = ["coordinator", "manager", "decision_maker", "admin"]  # READ_FORWARDED


@dataclass(frozen=True)
class Req:
    method: str
    path: str
    data: dict[str, Any] | None = None
    api_json: bool = False
    echo: tuple[str, ...] = ()  # what the user sent inside a file: may be named back


@dataclass(frozen=True)
class Case:
    name: str  # URL name
    branch: str  # what is done: GET, action=…, …
    actor: str | None  # role of the county-15 user; None: anonymous
    request: Callable[[World], Req]
    status: int | None = 404  # None: exactly what `missing` gets
    missing: Callable[[World], Req] | None = None
    allowed: frozenset[str] = frozenset()
    check: Callable[[World, Any], None] | None = None
    # The same request on county 15's own object (see test_the_request_works_on_own_county):
    # its expected status, and whether it changes county 15's data.
    control: int | None = None
    changes: bool = True

    @property
    def id(self) -> str:
        branch = re.sub(r"[^\w=.-]+", "_", self.branch.replace("'s", "s"))
        return f"{self.name}[{branch}]-{self.actor or 'anonymous'}"


def get(path: Callable[[World], str]) -> Callable[[World], Req]:
    return lambda w: Req("GET", path(w))


def post(path: Callable[[World], str], data: Callable[[World], dict[str, Any]]) -> Callable[[World], Req]:
    return lambda w: Req("POST", path(w), data(w))


def api(method: str, path: Callable[[World], str], body: Callable[[World], dict[str, Any]] | None = None) -> Callable[[World], Req]:
    return lambda w: Req(method, path(w), body(w) if body else None, api_json=True)


# --- paths ------------------------------------------------------------------------------


def own_report_key(role: str) -> str:
    """The report a role can open in its own county: a partner only their own."""
    return "partner" if role == "partner" else "main"


def triage_url(which: str, key: str = "second") -> Callable[[World], str]:
    return lambda w: f"/triage/reports/{getattr(w, which).reports[key].public_id}/"


def summary_url(which: str, kind: str, suffix: str = "") -> Callable[[World], str]:
    return lambda w: f"/knowledge/summaries/{getattr(w, which).summaries[kind].pk}/{suffix}"


def proposal_url(which: str, kind: str) -> Callable[[World], str]:
    return lambda w: f"/knowledge/proposals/{getattr(w, which).proposals[kind].pk}/"


def const(path: str) -> Callable[[World], str]:
    return lambda w: path


# --- extra checks -------------------------------------------------------------------------


def own_case_created_in_own_county(w: World, response: Any) -> None:
    from ilmio.analysis.models import PhenomenonCase

    created = PhenomenonCase.objects.get(title="Uusi tapaus ksuomi")
    assert created.county_id == w.own.county.pk


def api_lists_no_other_report(w: World, response: Any) -> None:
    ids = {item["id"] for item in response.json()}
    assert ids == {str(r.public_id) for r in w.own.reports.values()}


def contains(*markers: str) -> Callable[[World, Any], None]:
    def check(w: World, response: Any) -> None:
        text = body_text(response)
        assert all(m in text for m in markers), f"expected {markers} on the page"

    return check


def signal_review_kept(w: World, response: Any) -> None:
    from ilmio.analysis.models import SignalReview

    review = SignalReview.objects.get(pk=w.other.signal_review.pk)
    assert (review.decision, review.county_id) == ("confirmed", w.other.county.pk)


# --- request bodies ----------------------------------------------------------------------


def new_report(municipality: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"title": "Havainto ksuomi", "description": "Vuokrarästit kasvavat.", "kind": "concern",
                      "municipalities": [municipality], "prevalence": "several", "observed_since": "unknown",
                      "trend": "unknown", "language": "fi", "reporter_type": "professional", "step": "confirm"}  # fmt: skip


def api_report(municipality: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"title": "Havainto ksuomi", "description": "Vuokrarästit kasvavat.", "municipalities": [municipality]}


def import_rows(reference: str, proposal: str, parent: str = "") -> Callable[[World], Req]:
    def build(w: World) -> Req:
        row = {"reference": reference.format(w=w), "title": "Tuotu ksuomi", "owner": "Johto", "status": "done",
               "progress": "100", "proposal_id": proposal.format(w=w), "parent_reference": parent.format(w=w)}
        echo = tuple(row[k] for k in ("reference", "proposal_id", "parent_reference") if row[k])
        return Req("POST", "/knowledge/actions/", {"file": csv_upload([row])}, echo=echo)

    return build


def coding_file(source: Callable[[World], Any], code: Callable[[World], tuple[str, str]]) -> Callable[[World], Req]:
    """A REFI-QDA project (.qdpx) coding the text of ``source`` (a report, or a public id that
    is no report) with ``code`` (guid, name) over its "<tag>-text-main" marker."""

    def build(w: World) -> Req:
        import zipfile
        from xml.sax.saxutils import escape, quoteattr

        from django.core.files.uploadedfile import SimpleUploadedFile

        target = source(w)
        public_id, text = (str(target.public_id), target.description) if hasattr(target, "public_id") else (target, "")
        start = max(text.find("-text-main") - 6, 0)
        guid, name = code(w)
        qde = (f'<Project xmlns="urn:QDA-XML:project:1.0" name="ksuomi"><CodeBook><Codes><Code guid="{guid}" '
               f'name={quoteattr(name)} isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="{public_id}" '
               f'name="Tutkijan aineisto"><PlainTextContent>{escape(text)}</PlainTextContent><PlainTextSelection '
               f'guid="{uuid.uuid4()}" startPosition="{start}" endPosition="{start + 16}"><Coding guid="{uuid.uuid4()}">'
               f'<CodeRef targetGUID="{guid}"/></Coding></PlainTextSelection></TextSource></Sources></Project>')  # fmt: skip
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("project.qde", qde)
        upload = SimpleUploadedFile("tutkija.qdpx", buffer.getvalue(), content_type="application/zip")
        return Req("POST", "/triage/codebook/import/", {"file": upload}, echo=(public_id, name))

    return build


def code_guid_of(code: Any) -> str:
    from ilmio.analysis.refi_qda import code_guid

    return code_guid(code)


def own_code_guid(w: World) -> tuple[str, str]:
    return code_guid_of(w.own.code_obj), w.own.code_obj.name


def signal(municipality: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"phenomenon": "asuminen", "municipality": municipality, "decision": "dismissed",
                      "last_month": "2026-01", "next": "/situation/"}  # fmt: skip


def classify(municipality: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"action": "classify", "primary": "toimeentulo", "municipalities": [municipality]}


TRIAGE_BRANCHES: dict[str, Callable[[World], dict[str, Any]]] = {
    "classify": lambda w: {"action": "classify", "primary": "toimeentulo", "municipalities": [w.other.municipality.code]},
    "status": lambda w: {"action": "status", "status": "not_actionable", "reason": "x"},
    "mark_duplicate": lambda w: {"action": "mark_duplicate", "original": str(w.other.reports["main"].public_id)},
    "case": lambda w: {"action": "case", "case": w.other.case.pk},
    "code": lambda w: {"action": "code", "code": w.other.code_obj.pk, "start": 0, "end": 5},
    "unknown": lambda w: {"action": "unknown"},
}
CORRECTION_BRANCHES: dict[str, Callable[[World], dict[str, Any]]] = {
    "redact": lambda w: {"action": "redact", "phrase": "ksuomi-text-second", "detail_type": "person_name"},
    "erase": lambda w: {"action": "erase", "reason": "sender_asked", "confirm": "on"},
}
# (branch, actor, the other county's summary it acts on, body)
SUMMARY_BRANCHES: list[tuple[str, str, str, Callable[[World], dict[str, Any]]]] = [
    ("statement", "coordinator", "draft",
     lambda w: {"action": "statement", "text": "Lisäys ksuomi", "citations": str(w.other.reports["second"].public_id)}),
    ("submit", "coordinator", "draft", lambda w: {"action": "submit"}),
    ("approve", "manager", "draft", lambda w: {"action": "approve"}),
    ("publish", "manager", "internal", lambda w: {"action": "publish", "audience": "public"}),
    ("quote", "manager", "public",
     lambda w: {"action": "quote", "quote": w.other.quotes["unapproved"].pk, "approved": "1"}),
    ("proposal", "manager", "public",
     lambda w: {"action": "proposal", "title": "Ehdotus ksuomi", "text": "Teksti", "addressed_to": "steering_group"}),
    ("unknown", "manager", "public", lambda w: {"action": "unknown"}),
    # Editing a draft (issue #12): the other county's statements and reports are not found.
    ("edit", "coordinator", "draft", lambda w: {"action": "edit", "title": "Muokattu ksuomi", "narrative": "Kertomus"}),
    ("cite", "coordinator", "draft", lambda w: {"action": "cite", "statement": written_statement(w.other).pk,
                                                "citations": [str(w.other.reports["second"].public_id)]}),
    ("edit_statement", "coordinator", "draft", lambda w: {
        "action": "edit_statement", "statement": written_statement(w.other).pk, "text": "Muokattu ksuomi",
        "citations": [str(w.other.reports["main"].public_id)]}),
    ("delete_statement", "coordinator", "draft",
     lambda w: {"action": "delete_statement", "statement": written_statement(w.other).pk}),
    ("select", "coordinator", "draft", lambda w: {"action": "select", "reports": [str(w.other.reports["second"].public_id)]}),
    ("return", "manager", "draft", lambda w: {"action": "return", "comment": "Korjaa ksuomi"}),
    # Citing another knowledge source (issue #14): county 13's summary with county 13's finding.
    ("cite_finding", "coordinator", "draft", lambda w: {"action": "cite_finding", "finding": other_finding(w.other).pk}),
]  # fmt: skip
# Branches that change nothing even on one's own draft: a selection only redirects to the
# picker, and a draft (not waiting for approval) cannot be returned.
SUMMARY_BRANCHES_WITHOUT_CHANGE = {"unknown", "select", "return"}


def other_finding(county_world: Any) -> Any:
    """The county's published finding on asuminen (made inside the test's savepoint)."""
    from tests.sources.registry import county_world_document

    return county_world_document(county_world)["finding"]


def written_statement(county_world: Any) -> Any:
    from ilmio.knowledge.models import Statement

    return county_world.summaries["draft"].statements.get(kind=Statement.Kind.TEXT)


# --- the implementation plan: county 13's plan objects, made when a case needs them ---------


def plans_of(county_world: Any) -> dict[str, Any]:
    """A plan, a yearly plan with a measure and a draft monitoring report of a county,
    every text tagged; made inside the test's savepoint (rolled back after it)."""
    from ilmio.plans import services as plans

    tag = county_world.tag
    plan = plans.create_plan(county=county_world.county, term_start=2025, term_end=2029, title=f"{tag}-plan-title",
                             main_goal=f"{tag}-plan-goal", by=None)  # fmt: skip
    area = plans.add_area(plan, f"{tag}-area-name", by=None)
    plans.add_measure(area, f"{tag}-measure-description", owner=f"{tag}-measure-owner", by=None)
    year = plans.create_year_plan(county=county_world.county, year=2025, by=None)
    item = plans.add_year_measure(year, measure=f"{tag}-year_measure-text", responsible=f"{tag}-year_measure-owner", by=None)
    report = plans.generate_monitoring_report(county=county_world.county, year=2025, language="fi", by=None)
    plans.write_evaluation(report, f"{tag}-evaluation-draft", by=None)
    made = {"plan": plan, "area": area, "year": year, "item": item, "report": report}
    PLAN_STATE[county_world.code] = plan_state(county_world.county)
    return made


PLAN_STATE: dict[str, Any] = {}


def plan_state(county: Any) -> Any:
    from ilmio.plans.models import MonitoringReport, Plan, YearMeasure

    return (list(Plan.objects.filter(county=county).values_list("pk", "status", "version", "main_goal")),
            [list(p.areas.values_list("pk", "measures__description")) for p in Plan.objects.filter(county=county)],
            list(YearMeasure.objects.filter(year_plan__county=county).values_list("pk", "status", "measure")),
            list(MonitoringReport.objects.filter(county=county).values_list("pk", "status", "evaluation", "language")))


def other_plans_unchanged(w: World, response: Any) -> None:
    assert plan_state(w.other.county) == PLAN_STATE[w.other.code], "county 13's plan objects changed"


def other_plan_request(method: str, path: Callable[[dict[str, Any]], str],
                       data: dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> Callable[[World], Req]:
    def build(w: World) -> Req:
        made = plans_of(w.other)
        body = data(made) if callable(data) else data
        return Req(method, path(made), body)

    return build


# --- the history import: county 13's saved mapping and import run, made when a case needs them ---


IMPORT_STATE: dict[str, Any] = {}


def import_state(county: Any) -> Any:
    from ilmio.reports.models import ImportMapping, ImportRun

    return (list(ImportMapping.objects.filter(county=county).values_list("pk", "name", "columns")),
            list(ImportRun.objects.filter(county=county).values_list("pk", "status", "processed_rows", "problems")))


def imports_of(county_world: Any, kind: str = "reports") -> dict[str, Any]:
    """A saved mapping and a failed import run of a county (of the importer's kind), every text tagged."""
    from ilmio.reports.import_runs import importer_for
    from ilmio.reports.models import ImportMapping, ImportRun

    tag = county_world.tag
    mapping = ImportMapping.objects.create(county=county_world.county, kind=kind, name=f"{tag}-mapping-name",
                                           columns={importer_for(kind).required: f"{tag}-mapping-column"})  # fmt: skip
    run = ImportRun.objects.create(county=county_world.county, kind=kind, file_name=f"{tag}-run-file", total_rows=3,
                                   status=ImportRun.Status.FAILED,
                                   problems=[{"row": 1, "message": f"{tag}-run-problem"}])  # fmt: skip
    IMPORT_STATE[county_world.code] = import_state(county_world.county)
    return {"mapping": mapping, "run": run}


def other_feedback(w: World) -> None:
    """One feedback item in each county, its unit tagged (county 15's page names only its own:
    a count of one is hidden, the unit's name is not a number)."""
    from datetime import timedelta

    from django.utils import timezone

    from ilmio.sources.models import FeedbackItem

    for county_world in (w.own, w.other):
        received = timezone.localdate().replace(day=1) - timedelta(days=20)  # a complete month
        FeedbackItem.objects.get_or_create(county=county_world.county, import_key="src:tagged",
                                           defaults={"received_on": received, "unit": f"{county_world.tag}-feedback-unit"})  # fmt: skip


def other_imports_unchanged(w: World, response: Any) -> None:
    assert import_state(w.other.county) == IMPORT_STATE[w.other.code], "county 13's imports changed"


def import_request(method: str, path: Callable[[dict[str, Any]], str],
                   data: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                   kind: str = "reports") -> Callable[[World], Req]:  # fmt: skip
    def build(w: World) -> Req:
        imports_of(w.own, kind)
        made = imports_of(w.other, kind)
        return Req(method, path(made), data(made) if data else None)

    return build


def cases() -> list[Case]:
    result: list[Case] = []
    add = result.append

    # --- reports -------------------------------------------------------------------------
    for role in OWN_REPORTS:
        key = own_report_key(role)
        add(Case("reports:detail", "GET other report", role,
                 get(lambda w, key=key: f"/reports/{w.other.reports[key].public_id}/"), control=200))
        add(Case("api:get_report", "GET other report", role,
                 api("GET", lambda w, key=key: f"/api/v1/reports/{w.other.reports[key].public_id}"), control=200))
        # The sender's own forms on the page: another county's report is not there at all.
        for action, data in (("withdraw", {"confirm": "on"}), ("note", {"note": "Lisätieto"})):
            add(Case("reports:detail", f"action={action} on other report", role,
                     post(lambda w, key=key: f"/reports/{w.other.reports[key].public_id}/",
                          lambda w, action=action, data=data: {"action": action, **data})))
    add(Case("reports:new", "GET", "reporter", get(const("/reports/new/")), status=200))
    add(Case("reports:new", "POST municipality of county 13", "reporter",
             post(const("/reports/new/"), new_report("297")), status=None,
             missing=post(const("/reports/new/"), new_report("999"))))
    add(Case("api:create_report", "POST municipality of county 13", "reporter",
             api("POST", const("/api/v1/reports"), api_report("297")), status=None,
             missing=api("POST", const("/api/v1/reports"), api_report("999"))))
    add(Case("reports:public_new", "GET", None, get(const("/reports/public/")), status=200))
    add(Case("reports:public_thanks", "GET", None, get(const("/reports/public/thanks/")), status=200))
    mine = {"reporter": "main", "partner": "partner", "coordinator": "second"}
    for role in OWN_REPORTS:
        add(Case("reports:mine", "GET", role, get(const("/reports/mine/")), status=200,
                 check=contains(f"ksuomi-report-{mine[role]}") if role in mine else None))
    for role in READERS:
        add(Case("reports:list", "GET", role, get(const("/reports/?phenomenon=asuminen")), status=200,
                 check=contains("ksuomi-report-main")))
        add(Case("api:list_reports", "GET", role, api("GET", const("/api/v1/reports?limit=500")), status=200,
                 check=api_lists_no_other_report))
    add(Case("api:redact_text", "POST", "reporter",
             api("POST", const("/api/v1/redact"), lambda w: {"text": "Asiakas Matti Virtanen"}), status=200))

    # --- the table imports: history of reports (reports:import*), client feedback -----------
    for kind, name, base in (("reports", "reports:import", "/reports/import/"),
                             ("feedback", "sources:feedback_import", "/sources/feedback/import/")):  # fmt: skip
        for role in TRIAGERS:
            imports = other_imports_unchanged
            add(Case(name, "GET", role, import_request("GET", lambda m, b=base: b, kind=kind), status=200,
                     check=lambda w, r: (contains("ksuomi-mapping-name", "ksuomi-run-file")(w, r), other_imports_unchanged(w, r))))
            add(Case(name, "GET other county's mapping", role,
                     import_request("GET", lambda m, b=base: f"{b}?mapping={m['mapping'].pk}", kind=kind), control=200,
                     check=imports))
            add(Case(name, "action=delete_mapping on other mapping", role,
                     import_request("POST", lambda m, b=base: b,
                                    lambda m: {"action": "delete_mapping", "mapping": m["mapping"].pk}, kind=kind),
                     control=302, changes=False, check=imports))
            add(Case(f"{name}_run", "GET other run", role,
                     import_request("GET", lambda m, b=base: f"{b}{m['run'].pk}/", kind=kind), control=200, check=imports))
            add(Case(f"{name}_run", "action=resume on other run", role,
                     import_request("POST", lambda m, b=base: f"{b}{m['run'].pk}/", lambda m: {"action": "resume"},
                                    kind=kind), control=302, changes=False, check=imports))  # fmt: skip
            add(Case(f"{name}_status", "GET other run", role,
                     import_request("GET", lambda m, b=base: f"{b}{m['run'].pk}/status/", kind=kind), control=200,
                     check=imports))
    for role in ("coordinator", "manager"):
        add(Case("sources:feedback", "GET", role, lambda w: (other_feedback(w), Req("GET", "/sources/feedback/"))[1],
                 status=200, check=contains("ksuomi-feedback-unit")))
        # The search of the texts and units finds only the own county's item.
        add(Case("sources:feedback", "GET search", role,
                 lambda w: (other_feedback(w), Req("GET", "/sources/feedback/?q=feedback-unit"))[1],
                 status=200, check=contains("ksuomi-feedback-unit")))
        add(Case("api:feedback_counts", "GET", role,
                 lambda w: (other_feedback(w), Req("GET", "/api/v1/sources/feedback/counts", api_json=True))[1],
                 status=200, check=contains("ksuomi-feedback-unit")))

    # --- triage ----------------------------------------------------------------------------
    for role in TRIAGERS:
        add(Case("analysis:report", "GET other report", role, get(triage_url("other")), control=200))
        for branch, body in TRIAGE_BRANCHES.items():
            # An unknown action re-renders the page and changes nothing.
            add(Case("analysis:report", f"action={branch} on other report", role, post(triage_url("other"), body),
                     control=200 if branch == "unknown" else 302, changes=branch != "unknown"))
        # Correcting or erasing county 13's report: refused as if it did not exist, nothing changed.
        correct = lambda w: f"/corrections/reports/{w.other.reports['second'].public_id}/"  # noqa: E731
        add(Case("gdpr:correct_report", "GET other report", role,
                 get(lambda w: f"/corrections/reports/{w.other.reports['second'].public_id}/"), control=200))
        for branch, body in CORRECTION_BRANCHES.items():
            add(Case("gdpr:correct_report", f"action={branch} on other report", role, post(correct, body),
                     control=302))
        add(Case("analysis:bulk_status", "POST other reports", role, post(const("/triage/bulk/"), lambda w: {
            "reports": [str(r.public_id) for r in w.other.reports.values()], "status": "not_actionable", "reason": "x"}),
            control=302))
        # A saved filter on county 13's municipality is refused (the filter form knows county 15's only).
        add(Case("analysis:queue_filters", "POST municipality of county 13", role, post(const("/triage/filters/"),
                 lambda w: {"action": "save", "name": "Naapuri", "query": "municipality=297"}), status=None,
                 missing=post(const("/triage/filters/"), lambda w: {"action": "save", "name": "Naapuri",
                                                                     "query": "municipality=999"})))
        add(Case("analysis:case", "GET other case", role, get(lambda w: f"/triage/cases/{w.other.case.pk}/"), control=200))
        add(Case("analysis:case", "POST other case", role,
                 post(lambda w: f"/triage/cases/{w.other.case.pk}/", lambda w: {"title": "Muutettu ksuomi"}), control=302))
        add(Case("analysis:queue", "GET", role, get(const("/triage/?status=all")), status=200,
                 check=contains("ksuomi-report-main")))
        add(Case("analysis:queue", "GET municipality of county 13", role,
                 get(const("/triage/?status=all&municipality=297")), status=200))
        add(Case("analysis:cases", "GET", role, get(const("/triage/cases/")), status=200,
                 check=contains("ksuomi-case-title")))
        add(Case("analysis:codebook", "GET", role, get(const("/triage/codebook/")), status=200,
                 check=contains("ksuomi-code-name")))
        for fmt in ("qdc", "csv", "xlsx"):
            add(Case("analysis:codebook_export", fmt, role, get(const(f"/triage/codebook/export.{fmt}")), status=200,
                     check=contains("ksuomi-code-name" if fmt == "qdc" else "ksuomi-text-main")))
        add(Case("analysis:codebook_export", "qdpx", role, get(const("/triage/codebook/export.qdpx")), status=200,
                 check=contains("ksuomi-code-name", "ksuomi-text-main")))
        add(Case("analysis:codebook_export", "qdpx of other county's report", role,
                 get(lambda w: f"/triage/codebook/export.qdpx?reports={w.other.reports['main'].public_id}"), control=200))
        add(Case("analysis:case_export", "GET other case's project", role,
                 get(lambda w: f"/triage/cases/{w.other.case.pk}/export.qdpx"), control=200))
    own_triage = triage_url("own")
    add(Case("analysis:report", "GET own report", "coordinator", get(own_triage), status=200,
             check=contains("ksuomi-text-second")))
    add(Case("analysis:report", "action=mark_duplicate of other county's report", "coordinator",
             post(own_triage, TRIAGE_BRANCHES["mark_duplicate"]), status=None,
             missing=post(own_triage, lambda w: {"action": "mark_duplicate", "original": MISSING_UUID})))
    add(Case("analysis:report", "action=case: other county's case", "coordinator",
             post(own_triage, TRIAGE_BRANCHES["case"]), status=None,
             missing=post(own_triage, lambda w: {"action": "case", "case": MISSING_PK})))
    add(Case("analysis:report", "action=code: other county's code", "coordinator",
             post(own_triage, TRIAGE_BRANCHES["code"]), status=None,
             missing=post(own_triage, lambda w: {"action": "code", "code": MISSING_PK, "start": 0, "end": 5})))
    add(Case("analysis:report", "action=classify: municipality of county 13", "coordinator",
             post(own_triage, classify("297")), status=None, missing=post(own_triage, classify("999"))))
    add(Case("analysis:cases", "POST new case", "coordinator",
             post(const("/triage/cases/"), lambda w: {"title": "Uusi tapaus ksuomi"}), status=302,
             check=own_case_created_in_own_county))
    add(Case("analysis:codebook", "POST parent from county 13", "coordinator",
             post(const("/triage/codebook/"), lambda w: {"name": "Alakoodi ksuomi", "parent": w.other.code_obj.pk}),
             status=None,
             missing=post(const("/triage/codebook/"), lambda w: {"name": "Alakoodi ksuomi", "parent": MISSING_PK})))
    # A researcher's file naming county 13's report or code: told apart from a missing one by nothing.
    add(Case("analysis:codebook_import", "POST project coding county 13's report", "coordinator",
             coding_file(lambda w: w.other.reports["main"], own_code_guid), status=None,
             missing=coding_file(lambda w: MISSING_UUID, own_code_guid), control=302))
    add(Case("analysis:codebook_import", "POST codebook with county 13's code", "coordinator",
             coding_file(lambda w: MISSING_UUID, lambda w: (code_guid_of(w.other.code_obj), "Uusi ksuomi A")), status=None,
             missing=coding_file(lambda w: MISSING_UUID, lambda w: (str(uuid.uuid4()), "Uusi ksuomi B")),
             control=302, changes=False))
    add(Case("analysis:review_signal", "POST municipality of county 13", "coordinator",
             post(const("/triage/signals/review/"), signal("297")), status=None,
             missing=post(const("/triage/signals/review/"), signal("000")), check=signal_review_kept))
    add(Case("analysis:signal_case", "POST municipality of county 13", "coordinator",
             post(const("/triage/signals/case/"), signal("297")), status=None,
             missing=post(const("/triage/signals/case/"), signal("000")), check=signal_review_kept))

    # --- summaries -------------------------------------------------------------------------
    for role in FORWARDED:
        for kind in ("draft", "public"):
            visible = role != "decision_maker" or kind == "public"
            add(Case("knowledge:summary", f"GET other {kind} summary", role, get(summary_url("other", kind)),
                     control=200 if visible else None))
        add(Case("knowledge:summaries", "GET", role, get(const("/knowledge/summaries/")), status=200,
                 check=contains("ksuomi-summary-public")))
        add(Case("knowledge:proposal", "GET other proposal", role, get(proposal_url("other", "public")), control=200))
        add(Case("knowledge:proposals", "GET", role, get(const("/knowledge/proposals/")), status=200,
                 check=contains("ksuomi-proposal-public")))
        add(Case("knowledge:actions", "GET", role, get(const("/knowledge/actions/")), status=200,
                 check=contains("ksuomi-action-public")))
    for role in ("manager", "decision_maker"):
        for fmt in ("md", "pdf", "docx", "blog.md", "release"):
            add(Case("knowledge:summary_export", f"{fmt} of other summary", role,
                     get(summary_url("other", "public", f"export.{fmt}")), control=200 if fmt != "pdf" else None))
        for fmt in ("csv", "xlsx"):
            add(Case("knowledge:action_export", fmt, role, get(const(f"/knowledge/actions/export.{fmt}")), status=200,
                     check=contains("ksuomi-action-public")))
    for branch, actor, kind, body in SUMMARY_BRANCHES:
        for role in dict.fromkeys([actor, "admin"]):
            add(Case("knowledge:summary", f"action={branch} on other summary", role, post(summary_url("other", kind), body),
                     control=302, changes=branch not in SUMMARY_BRANCHES_WITHOUT_CHANGE))
    add(Case("knowledge:summary", "GET own summary", "manager", get(summary_url("own", "public")), status=200,
             check=contains("ksuomi-statement-public")))
    add(Case("knowledge:summary", "action=statement citing county 13", "coordinator",
             post(summary_url("own", "draft"), SUMMARY_BRANCHES[0][3]), status=None,
             missing=post(summary_url("own", "draft"),
                          lambda w: {"action": "statement", "text": "Lisäys ksuomi", "citations": MISSING_UUID})))
    for branch in ("cite", "edit_statement"):
        add(Case("knowledge:summary", f"action={branch} citing county 13", "coordinator",
                 post(summary_url("own", "draft"), lambda w, b=branch: {"action": b, "statement": written_statement(w.own).pk,
                      "text": "Muokattu", "citations": [str(w.other.reports["second"].public_id)]}), status=None,
                 missing=post(summary_url("own", "draft"), lambda w, b=branch: {"action": b, "text": "Muokattu",
                              "statement": written_statement(w.own).pk, "citations": [MISSING_UUID]})))
    add(Case("knowledge:summary", "action=cite_finding of county 13", "coordinator",
             post(summary_url("own", "draft"), lambda w: {"action": "cite_finding", "finding": other_finding(w.other).pk}),
             status=None, missing=post(summary_url("own", "draft"), lambda w: {"action": "cite_finding", "finding": MISSING_PK})))
    add(Case("knowledge:summary", "action=select of county 13's reports", "coordinator",
             post(summary_url("own", "draft"), lambda w: {"action": "select", "reports": [str(w.other.reports["second"].public_id)]}),
             status=None, missing=post(summary_url("own", "draft"), lambda w: {"action": "select", "reports": [MISSING_UUID]})))
    add(Case("knowledge:summary", "action=quote of county 13", "manager",
             post(summary_url("own", "public"), SUMMARY_BRANCHES[4][3]), status=None,
             missing=post(summary_url("own", "public"),
                          lambda w: {"action": "quote", "quote": MISSING_PK, "approved": "1"})))
    add(Case("knowledge:summaries", "action=from_case on other county's case", "coordinator",
             post(const("/knowledge/summaries/"), lambda w: {"action": "from_case", "case": w.other.case.pk, "language": "sv"}),
             missing=post(const("/knowledge/summaries/"), lambda w: {"action": "from_case", "case": MISSING_PK, "language": "sv"})))
    add(Case("knowledge:summaries", "action=from_signal on other county's municipality", "coordinator",
             post(const("/knowledge/summaries/"), lambda w: {"action": "from_signal", "phenomenon": "asuminen",
                                                            "municipality": "297", "last_month": "2026-01", "language": "fi"}),
             status=None, missing=post(const("/knowledge/summaries/"), lambda w: {
                 "action": "from_signal", "phenomenon": "asuminen", "municipality": "999", "last_month": "2026-01",
                 "language": "fi"})))
    add(Case("knowledge:summaries", "POST draft for municipality of county 13", "coordinator",
             post(const("/knowledge/summaries/"), lambda w: {
                 "title": "Uusi ksuomi", "period_start": "2026-01-01", "period_end": "2026-01-31",
                 "phenomena": ["asuminen"], "municipalities": ["297"]}), status=None,
             missing=post(const("/knowledge/summaries/"), lambda w: {
                 "title": "Uusi ksuomi", "period_start": "2026-01-01", "period_end": "2026-01-31",
                 "phenomena": ["asuminen"], "municipalities": ["999"]})))

    # --- proposals, decisions, actions ---------------------------------------------------
    decision = {"outcome": "accepted", "decided_on": "2026-03-01", "body": "Lautakunta ksuomi", "owner": "Johto"}
    for role in DECIDERS:
        add(Case("knowledge:proposal", "POST decision on other proposal", role,
                 post(proposal_url("other", "pending"), lambda w: decision), control=302))
        add(Case("knowledge:actions", "action=update on other action", role, post(const("/knowledge/actions/"), lambda w: {
            "action": "update", "pk": w.other.actions["internal"].pk, "status": "done", "progress": "100"}), control=302))
    add(Case("knowledge:proposal", "GET own proposal", "manager", get(proposal_url("own", "public")), status=200,
             check=contains("ksuomi-proposal_text-public")))
    add(Case("knowledge:actions", "POST import naming county 13's action and proposal", "manager",
             import_rows("A{w.other.actions[internal].pk}", "{w.other.proposals[pending].pk}"),
             status=None, missing=import_rows(f"A{MISSING_PK}", str(MISSING_PK))))
    add(Case("knowledge:actions", "POST import under county 13's action", "manager",
             import_rows("uusi-1", "", "{w.other.actions[internal].reference}"),
             status=None, missing=import_rows("uusi-1", "", "ei-ole")))

    # --- feedback --------------------------------------------------------------------------
    for role, key in (("reporter", "main"), ("partner", "partner")):
        add(Case("knowledge:notifications", "GET", role, get(const("/knowledge/notifications/")), status=200,
                 check=contains(f"ksuomi-report-{key}")))
    add(Case("knowledge:follow_up", "GET own follow-up", None,
             get(lambda w: f"/knowledge/follow-up/{w.own.follow_up.token}/"), status=200,
             check=contains("ksuomi-action-public")))
    add(Case("knowledge:follow_up", "POST own follow-up", None,
             post(lambda w: f"/knowledge/follow-up/{w.own.follow_up.token}/", lambda w: {"answer": "yes"}), status=200))
    add(Case("reports:withdraw_consent", "GET forged token", None, get(const("/reports/consent/ei-ole-olemassa/"))))
    add(Case("reports:withdraw_consent", "POST forged token", None, post(const("/reports/consent/ei-ole-olemassa/"), lambda w: {})))
    add(Case("knowledge:follow_up", "POST unknown token", None,
             post(const("/knowledge/follow-up/ei-ole-olemassa/"), lambda w: {"answer": "yes"})))
    for role in (None, "manager"):
        add(Case("knowledge:outcomes", "county 15", role, get(const("/knowledge/outcomes/15/")), status=200,
                 check=contains("ksuomi-proposal-public")))
        add(Case("knowledge:public_summaries", "GET", role, get(const("/knowledge/public/summaries/")), status=200,
                 allowed=PUBLIC_CHAIN, check=contains("psavo-summary-public")))
        add(Case("knowledge:public_summary", "other county's internal summary", role,
                 get(lambda w: f"/knowledge/public/summaries/{w.other.summaries['internal'].pk}/")))
        add(Case("knowledge:public_summary_export", "other county's internal summary", role,
                 get(lambda w: f"/knowledge/public/summaries/{w.other.summaries['internal'].pk}/export.md")))
        add(Case("knowledge:public_summary_export", "other county's internal summary as DOCX", role,
                 get(lambda w: f"/knowledge/public/summaries/{w.other.summaries['internal'].pk}/export.docx")))
    # The newsletter is of the reader's own county: nothing of county 13 in it.
    for role in ("coordinator", "decision_maker"):
        add(Case("knowledge:newsletter", "month 2026-02", role, get(const("/knowledge/newsletter/2026-02/")), status=200,
                 check=contains("ksuomi-proposal-public")))
        add(Case("knowledge:newsletter", "toggle_subscription", role,
                 post(const("/knowledge/newsletter/2026-02/"), lambda w: {"action": "toggle_subscription"}), status=302,
                 changes=False))
    # A county's public channels: its own public summary only, never county 13's.
    for role in (None, "manager"):
        add(Case("knowledge:county_summaries", "county 15", role, get(const("/knowledge/public/15/summaries/")), status=200,
                 check=contains("ksuomi-summary-public")))
        add(Case("knowledge:public_feed", "county 15", role, get(const("/knowledge/public/15/feed.atom")), status=200,
                 check=contains("ksuomi-summary-public", "ksuomi-proposal-public")))
        add(Case("knowledge:public_phenomenon_feed", "county 15 housing", role,
                 get(const("/knowledge/public/15/asuminen/feed.atom")), status=200, check=contains("ksuomi-summary-public")))
        add(Case("knowledge:public_snippet", "county 15", role, get(const("/knowledge/public/15/snippet.html")), status=200,
                 check=contains("ksuomi-summary-public")))
    add(Case("knowledge:outcomes", "county 13", "manager", get(const("/knowledge/outcomes/13/")), status=200,
             allowed=PUBLIC_CHAIN, check=contains("psavo-proposal-public", "psavo-action-public")))
    add(Case("knowledge:public_summary", "other county's public summary", "manager",
             get(lambda w: f"/knowledge/public/summaries/{w.other.summaries['public'].pk}/"), status=200,
             allowed=PUBLIC_CHAIN, check=contains("psavo-summary-public")))

    # --- statistics ------------------------------------------------------------------------
    for area in ("15", "13"):
        add(Case("situation:situation", f"county {area}", "coordinator",
                 get(const(f"/situation/?level=county&area={area}")), status=200))
        add(Case("situation:brief", f"county {area}", "coordinator",
                 get(const(f"/situation/brief/asuminen/?level=county&area={area}")), status=200,
                 allowed=PUBLIC_CHAIN if area == "13" else frozenset(),
                 check=contains("psavo-summary-public" if area == "13" else "ksuomi-summary-public")))

    # --- the national analyst: aggregates of every county, never an object --------------
    for name, path in [
        ("reports:detail", lambda w: f"/reports/{w.other.reports['main'].public_id}/"),
        ("analysis:report", triage_url("other", "main")),
        ("knowledge:summary", summary_url("other", "public")),
        ("knowledge:proposal", proposal_url("other", "public")),
        ("knowledge:actions", const("/knowledge/actions/")),
    ]:
        add(Case(name, "GET county 13's object", "national_analyst", get(path), status=403))
    add(Case("api:get_report", "GET county 13's report", "national_analyst",
             api("GET", lambda w: f"/api/v1/reports/{w.other.reports['main'].public_id}"), status=403))
    add(Case("situation:situation", "county 13", "national_analyst",
             get(const("/situation/?level=county&area=13")), status=200))
    # The national picture: counts from packages only, never a county's text; not for a county's staff.
    add(Case("federation:national", "compare county 13", "national_analyst",
             get(const("/federation/?phenomenon=asuminen&compare=13")), status=200))
    add(Case("federation:national", "GET", "coordinator", get(const("/federation/?compare=13")), status=403))
    add(Case("federation:national_export", "GET", "national_analyst", get(const("/federation/export.csv")), status=200))
    add(Case("federation:national_export", "GET", "coordinator", get(const("/federation/export.json")), status=403))
    add(Case("api:picture", "GET", "national_analyst", api("GET", const("/api/v1/federation/picture?phenomenon=asuminen")),
             status=200))
    add(Case("api:picture", "GET", "manager", api("GET", const("/api/v1/federation/picture")), status=403))
    add(Case("api:packages", "GET", "national_analyst", api("GET", const("/api/v1/federation/packages")), status=200))
    # The package upload: national analysts only; a county's staff can neither see nor post it.
    add(Case("federation:packages", "GET", "national_analyst", get(const("/federation/packages/")), status=200))
    for role in ("coordinator", "admin"):
        add(Case("federation:packages", "GET", role, get(const("/federation/packages/")), status=403))
        add(Case("federation:packages", "POST", role, post(const("/federation/packages/"), lambda w: {"package": []}),
                 status=403))

    # --- the audit trail -----------------------------------------------------------------
    for role in ("manager", "admin"):
        add(Case("audit_log", "GET", role, get(const("/audit/")), status=200, check=contains("coordinator_15")))
        add(Case("audit_log", "GET filtered by county 13's report", role,
                 get(lambda w: f"/audit/?object_id={w.other.reports['main'].public_id}"), status=200))
        for fmt in ("csv", "xlsx"):
            add(Case("audit_export", fmt, role, get(const(f"/audit/export.{fmt}")), status=200,
                     check=contains("coordinator_15")))
        add(Case("audit_export", "csv filtered by county 13's user", role,
                 get(const("/audit/export.csv?actor=coordinator_13")), status=200))

    # --- the implementation plan ---------------------------------------------------------
    unchanged = other_plans_unchanged
    for role in ("coordinator", "decision_maker"):
        add(Case("plans:plan", "GET other plan", role, other_plan_request("GET", lambda m: f"/plans/{m['plan'].pk}/"),
                 check=unchanged))
        add(Case("plans:year", "GET other yearly plan", role,
                 other_plan_request("GET", lambda m: f"/plans/years/{m['year'].pk}/"), check=unchanged))
        add(Case("plans:report", "GET other monitoring report", role,
                 other_plan_request("GET", lambda m: f"/plans/monitoring/{m['report'].pk}/"), check=unchanged))
    for branch, role, body in [
        ("measure", "coordinator", lambda m: {"action": "measure", "area": m["area"].pk, "description": "Uusi ksuomi"}),
        ("main_goal", "coordinator", lambda m: {"action": "main_goal", "main_goal": "Uusi ksuomi"}),
        ("new_version", "coordinator", lambda m: {"action": "new_version"}),
        ("next_term", "coordinator", lambda m: {"action": "next_term"}),
        ("approve", "manager", lambda m: {"action": "approve", "body": "Hallitus ksuomi", "approved_on": "2025-06-16"}),
    ]:
        add(Case("plans:plan", f"action={branch} on other plan", role,
                 other_plan_request("POST", lambda m: f"/plans/{m['plan'].pk}/", body), check=unchanged))
    for branch, body in [
        ("update", lambda m: {"action": "update", "pk": m["item"].pk, "status": "done"}),
        ("add", lambda m: {"action": "add", "measure": "Uusi ksuomi", "responsible": "Johto"}),
        ("generate", lambda m: {"action": "generate", "language": "sv"}),
    ]:
        add(Case("plans:year", f"action={branch} on other yearly plan", "coordinator",
                 other_plan_request("POST", lambda m: f"/plans/years/{m['year'].pk}/", body), check=unchanged))
    for branch, role in [("evaluate", "coordinator"), ("approve", "manager"), ("publish", "manager")]:
        add(Case("plans:report", f"action={branch} on other monitoring report", role,
                 other_plan_request("POST", lambda m: f"/plans/monitoring/{m['report'].pk}/",
                                    {"action": branch, "evaluation": "Arvio ksuomi"}), check=unchanged))
    add(Case("plans:term", "GET other plan", "coordinator",
             other_plan_request("GET", lambda m: f"/plans/{m['plan'].pk}/term/"), check=unchanged))
    add(Case("plans:diff", "GET other plan", "coordinator",
             other_plan_request("GET", lambda m: f"/plans/{m['plan'].pk}/changes/"), check=unchanged))
    add(Case("plans:report_export", "GET other monitoring report", "manager",
             other_plan_request("GET", lambda m: f"/plans/monitoring/{m['report'].pk}/export.docx"), check=unchanged))
    for role in (None, "manager"):
        add(Case("plans:public_report", "other county's draft report", role,
                 other_plan_request("GET", lambda m: f"/plans/public/monitoring/{m['report'].pk}/"), check=unchanged))
        add(Case("plans:public_report_export", "other county's draft report", role,
                 other_plan_request("GET", lambda m: f"/plans/public/monitoring/{m['report'].pk}/export.pdf"),
                 check=unchanged))
        add(Case("plans:public_reports", "county 13", role,
                 other_plan_request("GET", lambda m: "/plans/public/13/"), status=200, check=unchanged))
    add(Case("plans:plans", "GET", "coordinator", other_plan_request("GET", lambda m: "/plans/"), status=200,
             check=unchanged))
    add(Case("plans:plans", "POST year", "coordinator", other_plan_request("POST", lambda m: "/plans/",
             {"action": "year", "year": "2025"}), status=302, check=unchanged))
    for name, path in (("api:list_plans", "/api/v1/plans"), ("api:list_monitoring_reports", "/api/v1/monitoring-reports")):
        add(Case(name, "GET", "coordinator", (lambda p: lambda w: (plans_of(w.other), Req("GET", p, api_json=True))[1])(path),
                 status=200, check=unchanged))

    # --- data-subject rights (ilmio.gdpr): another county's person is not found ------------
    add(Case("api:export_user", "GET county 13's user", "admin",
             api("GET", lambda w: f"/api/v1/gdpr/users/{w.other.users['reporter'].username}"), control=200))
    add(Case("api:erase_user", "DELETE county 13's user (dry run)", "admin",
             api("DELETE", lambda w: f"/api/v1/gdpr/users/{w.other.users['reporter'].username}?dry_run=true"),
             control=200))
    add(Case("api:feedback_address", "POST an address given in no report of county 15", "admin",
             api("POST", const("/api/v1/gdpr/feedback-addresses"), lambda w: {"email": "psavo-asukas@example.org"})))

    # --- notifications of shortcomings (tests/shortcomings/registry.py) ---------------------
    from tests.shortcomings.registry import other_county_cases

    result += other_county_cases(Case, Req)

    # --- source documents and their findings (tests/sources/registry.py) -------------------
    from tests.sources.registry import other_county_cases as source_cases

    result += source_cases(Case, Req)

    # --- the idea box (tests/participation/registry.py) -------------------------------------
    from tests.participation.registry import other_county_cases as idea_cases

    result += idea_cases(Case, Req)

    # --- the county administration (tests/accounts/registry.py) -----------------------------
    from tests.accounts.registry import other_county_cases as county_admin_cases

    result += county_admin_cases(Case, Req)

    # --- pages without objects ----------------------------------------------------------
    for name, method, path, status, actor in [
        ("home", "GET", "/", 200, "manager"), ("about", "GET", "/about/", 200, "manager"),
        ("health", "GET", "/health/", 200, "manager"), ("login", "GET", "/accounts/login/", 200, None),
        ("logout", "POST", "/accounts/logout/", 302, "manager"),
        # Single sign-on is not set up here; the code page sends one who needs no code home.
        ("sso_start", "GET", "/accounts/sso/", 404, None), ("sso_callback", "GET", "/accounts/sso/callback/", 404, None),
        ("second_factor", "GET", "/accounts/second-factor/", 302, "coordinator"),
        ("set_language", "POST", "/i18n/setlang/", 302, "manager"),
        ("api:openapi-json", "GET", "/api/openapi.json", 200, "manager"), ("api:api-root", "GET", "/api/", 404, "manager"),
        ("api:taxonomy", "GET", "/api/v1/taxonomy", 200, "manager"),
        ("api:counties", "GET", "/api/v1/counties", 200, "manager"),
        ("api:municipalities", "GET", "/api/v1/municipalities", 200, "manager"),
    ]:  # fmt: skip
        body = {"language": "fi", "next": "/"} if name == "set_language" else {}
        add(Case(name, method, actor, (lambda m, p, b: lambda w: Req(m, p, b))(method, path, body), status=status))
    return result


CASES = cases()


def actor(world: World, role: str | None) -> Any:
    if role is None:
        return None
    return world.national_analyst if role == "national_analyst" else world.own.users[role]


def send(client: Any, req: Req) -> Any:
    if req.api_json:
        if req.method == "GET":
            return client.get(req.path)
        if req.method == "DELETE":
            return client.delete(req.path)
        return client.post(req.path, json.dumps(req.data or {}), content_type="application/json")
    if req.method == "GET":
        return client.get(req.path)
    return client.post(req.path, req.data or {})


def submitted_values(req: Req) -> list[str]:
    from urllib.parse import parse_qsl, urlsplit

    values: list[str] = [value for _key, value in parse_qsl(urlsplit(req.path).query) if len(value) >= 4]
    for value in (req.data or {}).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, (str, int)) and len(str(item)) >= 4:
                values.append(str(item))
    return values + list(req.echo)


def assert_nothing_of_county_13(world: World, response: Any, req: Req, allowed: frozenset[str]) -> None:
    text = body_text(response) + "\n" + "\n".join(messages_of(response))
    # What the user sent may be echoed back (the path in the language form, form values).
    for echoed in [req.path, *submitted_values(req)]:
        text = text.replace(echoed, "")
    leaked = (set(LEAK.findall(text)) - allowed) | set(USERNAME.findall(text))
    assert not leaked, f"county 13's content in the response: {sorted(leaked)}"
    ids = [key for key, report in world.other.reports.items() if str(report.public_id) in text]
    assert not ids, f"ids of county 13's reports in the response: {ids}"


def signature(response: Any, req: Req) -> tuple[int, str, list[str]]:
    """Status, redirect and messages, with what the user sent (and may be told back) blanked."""
    messages = []
    for message in messages_of(response):
        for echoed in req.echo:
            message = message.replace(echoed, "<sent>")
        messages.append(message)
    return response.status_code, response.get("Location", ""), messages


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_other_county(world: World, case: Case) -> None:
    user = actor(world, case.actor)
    req = case.request(world)
    before = snapshot(OTHER)
    response = send(client_for(user), req)
    after = snapshot(OTHER)
    if case.status is None:
        assert case.missing is not None
        missing = case.missing(world)
        reference = send(client_for(user), missing)
        assert reference.status_code < 500
        assert signature(response, req) == signature(reference, missing), "county 13's object is told apart from a missing one"
    else:
        assert response.status_code == case.status
    assert_unchanged(before, after)
    assert_nothing_of_county_13(world, response, req, case.allowed)
    if case.check is not None:
        case.check(world, response)


CONTROLLED = [c for c in CASES if c.control is not None]


@pytest.mark.parametrize("case", CONTROLLED, ids=[c.id for c in CONTROLLED])
def test_the_request_works_on_own_county(world: World, case: Case) -> None:
    """The same request on county 15's own objects succeeds (and changes them): the
    requests above are real attempts, so "nothing changed" means something."""
    mirror = World(own=world.other, other=world.own, national_analyst=world.national_analyst)
    req = case.request(mirror)
    before = snapshot(OWN)
    response = send(client_for(actor(world, case.actor)), req)
    assert response.status_code == case.control
    if req.method == "POST":
        assert (snapshot(OWN) != before) is case.changes


def test_outcome_answers_of_county_13_are_not_counted_for_county_15(world: World) -> None:
    """Answers in county 13 (five of each, on an action of its public proposal: enough to
    be shown) change county 13's outcomes page, not county 15's."""
    from ilmio.knowledge.models import FollowUp
    from ilmio.knowledge.services import create_action

    def page(code: str) -> str:
        text = body_text(client_for().get(f"/knowledge/outcomes/{code}/"))
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)

    other = world.other
    answers = FollowUp.Answer.values * 5
    actions = [create_action(county=other.county, title=f"psavo-action-extra{number}", owner="Johto",
                             proposal=other.proposals["public"]) for number in range(len(answers))]  # fmt: skip
    own_before, other_before = page("15"), page("13")
    for action, answer in zip(actions, answers, strict=True):
        FollowUp.objects.create(report=other.reports["main"], action=action, due_at=other.follow_up.due_at, answer=answer)
    assert page("13") != other_before  # the answers are counted where they belong
    assert page("15") == own_before


# --- the case table covers every URL and every branch ----------------------------------


def url_names(patterns: list[Any] | None = None, namespace: str = "") -> set[str]:
    from django.urls import URLPattern, URLResolver, get_resolver

    names: set[str] = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            names |= url_names(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
        elif isinstance(pattern, URLPattern):
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_pattern_has_an_other_county_case() -> None:
    covered = {c.name for c in CASES}
    missing = sorted(url_names() - covered)
    assert not missing, f"URL patterns without an other-county case: {missing}"


def test_every_post_action_branch_has_an_other_county_case() -> None:
    """The action= values the pages post and the views dispatch on, each with a case."""
    sources = {
        "analysis:report": [SRC / "analysis" / "views.py", SRC / "analysis" / "templates" / "analysis" / "report.html"],
        "knowledge:summary": [SRC / "knowledge" / "views.py", SRC / "knowledge" / "templates" / "knowledge" / "summary.html"],
        "gdpr:correct_report": [SRC / "gdpr" / "templates" / "gdpr" / "correct_report.html"],
        "knowledge:actions": [SRC / "knowledge" / "templates" / "knowledge" / "actions.html"],
        "reports:detail": [SRC / "reports" / "templates" / "reports" / "detail.html"],
        "shortcomings:detail": [SRC / "shortcomings" / "templates" / "shortcomings" / "detail.html"],
        "sources:detail": [SRC / "sources" / "templates" / "sources" / "detail.html"],
        "county_admin:user": [SRC / "accounts" / "templates" / "accounts" / "admin_user.html"],
        "county_admin:tokens": [SRC / "accounts" / "templates" / "accounts" / "admin_tokens.html"],
        "county_admin:organisations": [SRC / "accounts" / "templates" / "accounts" / "admin_organisations.html"],
        "county_admin:settings": [SRC / "accounts" / "templates" / "accounts" / "admin_settings.html"],
        "participation:idea": [SRC / "participation" / "templates" / "participation" / "idea.html"],
        "participation:round": [SRC / "participation" / "templates" / "participation" / "round.html"],
        "participation:workshop": [SRC / "participation" / "templates" / "participation" / "workshop.html"],
        "participation:forum": [SRC / "participation" / "templates" / "participation" / "forum.html"],
        "knowledge:summaries": [SRC / "analysis" / "templates" / "analysis" / "case.html",
                                SRC / "situation" / "templates" / "situation" / "situation.html"],
    }  # fmt: skip
    found = re.compile(r'(?:\baction == |name="action" value=)"(\w+)"')
    branches = {name: set(found.findall("".join(path.read_text() for path in paths))) for name, paths in sources.items()}
    assert len(branches["analysis:report"]) >= 5 and len(branches["knowledge:summary"]) >= 6, branches
    covered = {(c.name, m.group(1)) for c in CASES if (m := re.match(r"action=(\w+) on other ", c.branch))}
    missing = sorted((name, b) for name, found in branches.items() for b in found if (name, b) not in covered)
    assert not missing, f"action= branches without an other-county case: {missing}"


def test_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
