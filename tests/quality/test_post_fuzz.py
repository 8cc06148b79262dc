"""Property test: every HTML POST branch and every API operation, fed random values.

For each branch a user who holds the capability posts values drawn from a mix of valid
ones (ids, codes and dates of one shared world) and hostile ones: control characters,
huge and unicode-digit numbers, dates at the edge of the calendar, empty and very long
strings, random ids. For every example:

* the server never answers 5xx (the test client re-raises any exception of the view);
* when the answer is a rejection (4xx, a re-rendered page, or a redirect carrying an
  error message) the domain tables are exactly as before: same rows, same values.

Bounded for the suite: 25 examples per branch, no deadline, derandomised.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmio.reports.services import consent_withdrawal_token
from tests.accounts import registry as ca
from tests.participation import registry as pa
from tests.reports.helpers import old_token
from tests.shortcomings import registry as sc
from tests.sources import registry as so

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(600)]

FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))  # fmt: skip

# Tables a request may change; logs of reading (audit, access) and caches are not compared.
DOMAIN_APPS = ("reports", "analysis", "knowledge", "plans", "taxonomy", "areas", "shortcomings", "accounts", "sources",
               "participation", "federation")

# --- values ------------------------------------------------------------------------------

HOSTILE = [
    "", " ", "\x00", "a\x00b", "\x1b[31mred\x1b[0m", "\x07\x08\x0b\x0c", "\x7f", "rivi\r\nrivi\ttab",
    "²", "١٢", "٣", "𝟗", "Ⅻ", "inf", "-inf", "nan", "NaN", "1e400", "-1e400", "1e20", "-1", "0", "1.5", "0x10",
    "99999999999999999999", str(2**63), str(2**63 - 1), str(-(2**63)), str(2**64), "1" * 400,
    "9999-12-31", "0001-01-01", "2026-02-30", "0000-00-00", "2026-13", "2026-1", "9999-99",
    "00000000-0000-0000-0000-000000000000", "not-a-uuid", "'; DROP TABLE reports; --", "../../etc/passwd",
    "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "null", "true", "[]", "{}", "%00", "\u202e\u2066",
    "x" * 5000, "å" * 20000, "a\x00" * 3000,
]  # fmt: skip
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
control_text = st.text(alphabet=st.sampled_from("ab \n\r\t\x00\x01\x07\x1b\x1f\x7f€²"), max_size=50)
hostile = st.one_of(st.sampled_from(HOSTILE), text, control_text,
                    st.integers(min_value=-(2**80), max_value=2**80).map(str), st.uuids().map(str))  # fmt: skip


def value(*valid: Any) -> st.SearchStrategy[Any]:
    """Mostly valid values (so that branches also succeed), often hostile ones."""
    good = [str(v) for v in valid]
    return st.one_of(st.sampled_from(good), hostile) if good else hostile


def values(*valid: Any) -> st.SearchStrategy[Any]:
    """A multi-valued field: a list of values, or a single one."""
    return st.one_of(st.lists(value(*valid), max_size=4), value(*valid))


def dates() -> st.SearchStrategy[Any]:
    return st.one_of(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat),
                     st.dates().map(date.isoformat), hostile)  # fmt: skip


# --- the world -------------------------------------------------------------------------------


@dataclass
class World:
    users: dict[str, Any]
    report: Any
    other_report: Any
    case: Any
    code: Any
    summary: Any
    quote: Any
    proposal: Any
    action: Any
    child: Any
    follow_up: Any
    plan: Any = None
    year_plan: Any = None
    year_measure: Any = None
    monitoring: Any = None


def build_world() -> World:
    from django.utils import timezone

    from ilmio.accounts.models import User
    from ilmio.analysis.services import create_case, create_code
    from ilmio.areas.models import County, Municipality
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import FollowUp, Quote
    from ilmio.reports.models import Report
    from ilmio.reports.services import submit_report
    from ilmio.taxonomy.models import Phenomenon

    county = County.objects.get(code="15")
    housing = Phenomenon.objects.get(code="asuminen")
    users = {role: User.objects.create(username=f"fuzz_{role}", role=role, county=county)
             for role in ("reporter", "coordinator", "manager", "admin")}  # fmt: skip
    users["national_analyst"] = User.objects.create(username="fuzz_national_analyst", role="national_analyst")

    def report(title: str) -> Any:
        created, _ = submit_report(
            {"title": title, "description": "Vuokrarästit kasvavat ja häätöuhka lisääntyy asumistuen muutosten jälkeen.",
             "municipalities": [Municipality.objects.get(code="179")], "phenomena": [housing]},
            county=county, channel=Report.Channel.FORM, submitted_by=users["reporter"],
        )  # fmt: skip
        return created

    main, other = report("Häätöuhka"), report("Vuokrarästit")
    case = create_case(county=county, title="Asumisen ilmiö", by=None, reports=[main])
    code = create_code(county=county, name="Vuokra")
    summary = loop.draft_summary(county=county, title="Luonnos", period_start=date(2000, 1, 1),
                                 period_end=date(2100, 1, 1), by=None)  # fmt: skip
    quote = Quote.objects.create(summary=summary, report=main, text="Vuokrarästit kasvavat.")
    proposal = loop.create_proposal(county=county, title="Ehdotus", text="Teksti", addressed_to="steering_group", by=None)
    action = loop.create_action(county=county, title="Ohjelma", owner="Johto", reference="P1", proposal=proposal)
    child = loop.create_action(county=county, title="Neuvonta", owner="A", parent=action, reference="C1")
    follow_up = FollowUp.objects.create(report=main, action=action, due_at=timezone.now())
    from ilmio.plans import services as plans

    plan = plans.create_plan(county=county, term_start=2025, term_end=2029, title="Suunnitelma", by=None)
    plans.add_area(plan, "Tietotyö", by=None)
    year_plan = plans.create_year_plan(county=county, year=2025, by=None)
    year_measure = plans.add_year_measure(year_plan, measure="Työpaja", responsible="Koordinaattori", by=None)
    monitoring = plans.generate_monitoring_report(county=county, year=2024, language="fi", by=None)
    return World(users=users, report=main, other_report=other, case=case, code=code, summary=summary, quote=quote,
                 proposal=proposal, action=action, child=child, follow_up=follow_up, plan=plan, year_plan=year_plan,
                 year_measure=year_measure, monitoring=monitoring)  # fmt: skip


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """Built once per module; rolled back when the module is done."""
    from tests.conftest import ensure_reference_data

    with django_db_blocker.unblock(), transaction.atomic():
        ensure_reference_data()
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings: Any) -> None:
    settings.RATELIMIT_ENABLE = False


def fingerprint() -> tuple[dict[str, int], str]:
    """Row counts per domain model and one hash of every row's values."""
    counts, digest = {}, hashlib.sha256()
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models():
            rows = list(model.objects.order_by("pk").values_list())
            counts[model._meta.label] = len(rows)
            digest.update(repr((model._meta.label, rows)).encode())
            for field in model._meta.many_to_many:
                through = getattr(model, field.name).through
                links = list(through.objects.order_by("pk").values_list())
                digest.update(repr((model._meta.label, field.name, links)).encode())
    return counts, digest.hexdigest()


def client_for(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def error_messages(response: Any) -> list[str]:
    storage = getattr(response.wsgi_request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    return [str(m) for m in queued if m.level_tag == "error"]


def form_errors(response: Any) -> list[Any]:
    """Errors of the bound forms the response rendered (a form sent back to be corrected)."""
    from django import forms

    found = []
    for context in response.context or []:
        for item in context.dicts if hasattr(context, "dicts") else [context]:
            for candidate in item.values() if isinstance(item, dict) else []:
                if isinstance(candidate, forms.BaseForm) and candidate.is_bound and candidate.errors:
                    found.append(candidate.errors)
    return found


def rejected(response: Any) -> bool:
    """A 4xx, an error message, or a form sent back with errors."""
    return response.status_code >= 400 or bool(error_messages(response)) or bool(form_errors(response))


def check(response: Any, before: tuple[dict[str, int], str], what: str) -> None:
    assert response.status_code < 500, f"{what}: HTTP {response.status_code}"
    if rejected(response):
        after = fingerprint()
        changed = {k: (before[0][k], after[0][k]) for k in before[0] if before[0][k] != after[0].get(k)}
        assert after == before, f"{what}: refused (HTTP {response.status_code}) but the database changed {changed}"


# --- the POST branches ---------------------------------------------------------------------

Branch = tuple[str, Callable[[World], Any], Callable[[World], str], Callable[[World], st.SearchStrategy[dict[str, Any]]]]


def report_fields(w: World) -> dict[str, st.SearchStrategy[Any]]:
    return {"title": value("Vuokrarästit kasautuvat"), "description": value("Vuokrarästit kasvavat asumistuen jälkeen."),
            "kind": value("concern", "good_practice"), "phenomena": values("asuminen", "toimeentulo"),
            "target_groups": values("tyoikaiset"), "municipalities": values("179", "297"),
            "whole_county": value("on", ""), "service_area": value("aikuissosiaalityo"),
            "prevalence": value("several"), "observed_since": value("months"), "trend": value("growing"),
            "effects": value("Perhe joutuu muuttamaan."), "proposed_action": value("Asumisneuvontaa lisää."),
            "language": value("fi", "sv", "en"), "reporter_type": value("professional", "partner", "resident"),
            "step": value("confirm", "preview"), "idempotency_key": value("fuzz-key-000001", "fuzz-key-000002")}  # fmt: skip


def public_fields(w: World) -> dict[str, st.SearchStrategy[Any]]:

    return {**report_fields(w), "form_token": value(old_token()), "website": value(""),
            "wants_feedback": value("on", ""), "feedback_email": value("palaute@example.org")}  # fmt: skip


def action_csv(w: World) -> st.SearchStrategy[Any]:
    """Random action files: references and parents from a small set, so cycles are common."""
    refs = ["P1", "C1", "N1", "N2", "N3", f"A{w.action.pk}", f"A{w.child.pk}"]
    row = st.fixed_dictionaries({
        "reference": value(*refs), "parent_reference": st.one_of(st.just(""), value(*refs)),
        "title": value("Toimenpide"), "description": value("", "Kuvaus"), "owner": value("Johto"),
        "due_date": st.one_of(st.just(""), dates()), "status": value("planned", "in_progress", "done"),
        "progress": value("0", "50", "100"), "proposal_id": value("", w.proposal.pk),
    })  # fmt: skip

    def to_file(rows: list[dict[str, Any]]) -> Any:
        out = io.StringIO()
        writer = csv.DictWriter(out, list(rows[0]) if rows else ["reference"])
        writer.writeheader()
        writer.writerows(rows)
        return SimpleUploadedFile("actions.csv", out.getvalue().encode("utf-8", errors="replace"))

    return st.lists(row, max_size=8).map(to_file)


def refi_file(w: World) -> st.SearchStrategy[Any]:
    """Random REFI-QDA uploads: projects naming the world's report (or any id) and code
    with random names, texts and positions, as a zip or bare XML, and random bytes."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    from ilmio.analysis.refi_qda import code_guid

    def project(source: str, guid: str, name: str, text: str, start: str, end: str, zipped: bool) -> Any:
        qde = (f'<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid={quoteattr(guid)} '
               f'name={quoteattr(name)} isCodable="true"/></Codes></CodeBook><Sources><TextSource guid={quoteattr(source)} '
               f'name="s"><PlainTextContent>{escape(text)}</PlainTextContent><PlainTextSelection guid="{guid}" '
               f'startPosition={quoteattr(start)} endPosition={quoteattr(end)}><Coding guid="{guid}"><CodeRef '
               f'targetGUID={quoteattr(guid)}/></Coding></PlainTextSelection></TextSource></Sources></Project>')  # fmt: skip
        content = qde.encode("utf-8", errors="replace")
        if zipped:
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as archive:
                archive.writestr("project.qde", content)
            content = out.getvalue()
        return SimpleUploadedFile("project.qdpx", content)

    # XML 1.0 text only: what a tool can write (the rest is the "random bytes" branch).
    xml_text = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=60)
    projects = st.builds(project, value(w.report.public_id), value(code_guid(w.code)), xml_text,
                         st.one_of(st.just(w.report.description), xml_text), value(0, 3), value(5, 10, 100000),
                         st.booleans())  # fmt: skip
    return st.one_of(projects, st.binary(max_size=300).map(lambda b: SimpleUploadedFile("x.qdpx", b)))


def history_file(w: World) -> st.SearchStrategy[Any]:
    """Random history-import uploads: small CSVs with random cells under known and random
    headers, named .csv, .xlsx or otherwise, and random bytes."""
    cell = st.one_of(value("Vuokrarästit kasvavat.", "1.2.2024", "31.2.2024", "Jyväskylä", "297", "asuminen", ""), text)
    header = st.one_of(st.sampled_from(["Kuvaus", "Vastausaika", "Kunta", "Ilmiö", "Vastaajan ID"]), text)

    def to_file(table: tuple[list[str], list[list[str]]], name: str) -> Any:
        headers, rows = table
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(headers)
        writer.writerows(rows)
        return SimpleUploadedFile(name, out.getvalue().encode("utf-8", errors="replace"))

    table = st.tuples(st.lists(header, min_size=1, max_size=4), st.lists(st.lists(cell, max_size=4), max_size=5))
    names = st.sampled_from(["historia.csv", "historia.xlsx", "historia.txt", "../../etc/historia.csv", "x" * 300 + ".csv"])
    return st.one_of(st.builds(to_file, table, names),
                     st.binary(max_size=300).map(lambda b: SimpleUploadedFile("historia.csv", b)))  # fmt: skip


def package_files(w: World) -> st.SearchStrategy[list[Any]]:
    """Random package uploads: JSON files (a manifest or not, valid JSON or not), zips of them,
    random bytes under a package's names, and too many files."""
    member = st.one_of(st.sampled_from(['{"files": {}}', '{"county": "15", "files": {"a.json": "00"}}', "{}", "[]", "null"]),
                       text.map(lambda t: json.dumps({"county": t, "files": {t: t}})), text)  # fmt: skip
    names = st.sampled_from(["manifest.json", "reports.json", "../../manifest.json", "paketti.zip", "x.txt", "x" * 300 + ".json"])

    def to_zip(entries: list[tuple[str, str]]) -> Any:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name, content in entries:
                archive.writestr(name, content)
        return SimpleUploadedFile("paketti.zip", out.getvalue())

    one = st.one_of(st.builds(lambda n, c: SimpleUploadedFile(n, c.encode("utf-8", errors="replace")), names, member),
                    st.builds(to_zip, st.lists(st.tuples(names, member), max_size=4)),
                    st.binary(max_size=300).map(lambda b: SimpleUploadedFile("paketti.zip", b)))  # fmt: skip
    return st.lists(one, max_size=25)


def failed_import_run(w: World, kind: str = "reports") -> Any:
    """A failed table import of county 15 to continue (made once per test, rolled back)."""
    from ilmio.reports.import_runs import importer_for
    from ilmio.reports.models import ImportRun

    run = ImportRun.objects.filter(county=w.report.county, kind=kind, status=ImportRun.Status.FAILED).first()
    return run or ImportRun.objects.create(county=w.report.county, kind=kind, status=ImportRun.Status.FAILED,
                                           total_rows=1, processed_rows=0,
                                           columns={importer_for(kind).required: "Kuvaus"})  # fmt: skip


def fields(**strategies: st.SearchStrategy[Any]) -> Callable[[World], st.SearchStrategy[dict[str, Any]]]:
    return lambda w: st.fixed_dictionaries({}, optional=strategies)


def with_action(name: str, make: Callable[[World], dict[str, st.SearchStrategy[Any]]]) -> Any:
    return lambda w: st.fixed_dictionaries({"action": st.just(name)}, optional=make(w))


def triage(w: World) -> str:
    return f"/triage/reports/{w.report.public_id}/"


def summary(w: World) -> str:
    return f"/knowledge/summaries/{w.summary.pk}/"


def user(role: str) -> Callable[[World], Any]:
    return lambda w: w.users[role] if role != "anonymous" else None


BRANCHES: dict[str, Branch] = {
    # analysis.views.triage_report
    "triage:classify": ("coordinator", user("coordinator"), triage, with_action("classify", lambda w: {
        "primary": value("asuminen", "toimeentulo"), "secondary": values("asuminen", "mielenterveys"),
        "target_groups": values("tyoikaiset", "lapsiperheet"), "municipalities": values("179", "297")})),
    "triage:status": ("coordinator", user("coordinator"), triage, with_action("status", lambda w: {
        "status": value("in_review", "analysed", "received", "closed", "duplicate"), "reason": value("Syy")})),
    "triage:duplicate": ("coordinator", user("coordinator"), triage, with_action("mark_duplicate", lambda w: {
        "original": value(w.other_report.public_id, w.report.public_id), "reason": value("Sama")})),
    "triage:case": ("coordinator", user("coordinator"), triage, with_action("case", lambda w: {
        "case": value(w.case.pk)})),
    "triage:code": ("coordinator", user("coordinator"), triage, with_action("code", lambda w: {
        "code": value(w.code.pk), "start": value(0, 3), "end": value(5, 10, 100000)})),
    "triage:unknown": ("coordinator", user("coordinator"), triage, lambda w: st.fixed_dictionaries(
        {"action": hostile}, optional={"status": value("closed"), "case": value(w.case.pk)})),
    # gdpr.views.correct_report: a phrase of the report (or not), the report erased (or not)
    "correct:redact": ("coordinator", user("coordinator"), lambda w: f"/corrections/reports/{w.report.public_id}/",
                       with_action("redact", lambda w: {"phrase": value("Häätöuhka", "asumistuen muutosten", "[NIMI]"),
                                                        "detail_type": value("person_name", "address", "unknown")})),
    "correct:erase": ("coordinator", user("coordinator"), lambda w: f"/corrections/reports/{w.other_report.public_id}/",
                      with_action("erase", lambda w: {"reason": value("sender_asked", "identifying"),
                                                      "confirm": value("on", "")})),
    # analysis.views: cases, codebook, signals, bulk status
    "cases:create": ("coordinator", user("coordinator"), lambda w: "/triage/cases/", lambda w: st.fixed_dictionaries({}, optional={
        "title": value("Ilmiö"), "phenomenon": value("asuminen"), "description": value("Kuvaus"),
        "analysis_notes": value("Muistiinpano")})),
    "cases:update": ("coordinator", user("coordinator"), lambda w: f"/triage/cases/{w.case.pk}/", lambda w: st.fixed_dictionaries({}, optional={
        "title": value("Ilmiö"), "phenomenon": value("asuminen"), "description": value("Kuvaus"),
        "analysis_notes": value("Muistiinpano")})),
    "codebook": ("coordinator", user("coordinator"), lambda w: "/triage/codebook/", lambda w: st.fixed_dictionaries({}, optional={
        "name": value("Koodi"), "description": value("Kuvaus"), "parent": value(w.code.pk)})),
    "codebook_import": ("coordinator", user("coordinator"), lambda w: "/triage/codebook/import/", lambda w: st.fixed_dictionaries(
        {}, optional={"file": refi_file(w)})),
    "review_signal": ("coordinator", user("coordinator"), lambda w: "/triage/signals/review/", lambda w: st.fixed_dictionaries({}, optional={
        "phenomenon": value("asuminen"), "municipality": value("179", "297"), "decision": value("confirmed", "dismissed"),
        "last_month": value("2026-01", "2026-12"), "note": value("Huomio"), "next": value("/situation/", "//evil.example/")})),
    "signal_case": ("coordinator", user("coordinator"), lambda w: "/triage/signals/case/", lambda w: st.fixed_dictionaries({}, optional={
        "phenomenon": value("asuminen"), "municipality": value("179", "297"), "last_month": value("2026-01", "2026-12")})),
    "queue_filters": ("coordinator", user("coordinator"), lambda w: "/triage/filters/", lambda w: st.fixed_dictionaries({}, optional={
        "action": value("save", "delete"), "name": value("Suodatin"), "pk": value(1),
        "query": value("sort=oldest", "municipality=297&q=Virtanen", "date_from=2026-02-30")})),
    "bulk_status": ("coordinator", user("coordinator"), lambda w: "/triage/bulk/", lambda w: st.fixed_dictionaries({}, optional={
        "reports": values(w.report.public_id, w.other_report.public_id), "status": value("in_review", "analysed"),
        "reason": value("Syy")})),
    # knowledge.views.summary_list / summary_detail
    "summary:create": ("coordinator", user("coordinator"), lambda w: "/knowledge/summaries/", lambda w: st.fixed_dictionaries({}, optional={
        "title": value("Yhteenveto"), "period_start": dates(), "period_end": dates(), "phenomena": values("asuminen"),
        "municipalities": values("179")})),
    "summary:from_case_or_signal": ("coordinator", user("coordinator"), lambda w: "/knowledge/summaries/", lambda w: st.fixed_dictionaries(
        {"action": value("from_case", "from_signal")}, optional={"case": value(w.case.pk, "x", 0), "language": value("fi", "sv", "xx"),
        "phenomenon": value("asuminen", "nope"), "municipality": value("179", "297"), "last_month": value("2026-01", "2026-13")})),
    "summary:statement": ("coordinator", user("coordinator"), summary, with_action("statement", lambda w: {
        "text": value("Havainto"), "citations": value(w.report.public_id, f"{w.report.public_id}, {w.other_report.public_id}")})),
    "summary:submit": ("coordinator", user("coordinator"), summary, with_action("submit", lambda w: {})),
    "summary:approve": ("manager", user("manager"), summary, with_action("approve", lambda w: {})),
    "summary:publish": ("manager", user("manager"), summary, with_action("publish", lambda w: {
        "audience": value("internal", "decision_makers", "public")})),
    "summary:quote": ("manager", user("manager"), summary, with_action("quote", lambda w: {
        "quote": value(w.quote.pk), "approved": value("0", "1")})),
    "summary:proposal": ("manager", user("manager"), summary, with_action("proposal", lambda w: {
        "title": value("Ehdotus"), "text": value("Teksti"), "addressed_to": value("steering_group", "council"),
        "addressed_to_name": value("Hallitus")})),
    "summary:unknown": ("admin", user("admin"), summary, lambda w: st.fixed_dictionaries({"action": hostile})),
    "summary:edit": ("coordinator", user("coordinator"), summary, with_action("edit", lambda w: {
        "title": value("Yhteenveto"), "introduction": value("Johdanto"), "narrative": value("Kertomus")})),
    "summary:cite": ("coordinator", user("coordinator"), summary, with_action("cite", lambda w: {
        "statement": value(*w.summary.statements.values_list("pk", flat=True)),
        "citations": values(w.report.public_id, w.other_report.public_id)})),
    "summary:edit_statement": ("coordinator", user("coordinator"), summary, with_action("edit_statement", lambda w: {
        "statement": value(*w.summary.statements.values_list("pk", flat=True)), "text": value("Havainto"),
        "citations": values(w.report.public_id, w.other_report.public_id)})),
    "summary:delete_statement": ("coordinator", user("coordinator"), summary, with_action("delete_statement", lambda w: {
        "statement": value(*w.summary.statements.values_list("pk", flat=True))})),
    "summary:select": ("coordinator", user("coordinator"), summary, with_action("select", lambda w: {
        "reports": values(w.report.public_id, w.other_report.public_id)})),
    "summary:return": ("manager", user("manager"), summary, with_action("return", lambda w: {"comment": value("Korjaa")})),
    # knowledge.public_views.newsletter
    "newsletter:toggle": ("manager", user("manager"), lambda w: "/knowledge/newsletter/2026-02/",
                          with_action("toggle_subscription", lambda w: {})),
    "newsletter:unknown": ("coordinator", user("coordinator"), lambda w: "/knowledge/newsletter/2026-02/",
                           lambda w: st.fixed_dictionaries({"action": hostile})),
    # knowledge.views.proposal_detail / action_list / follow_up
    "proposal:decide": ("manager", user("manager"), lambda w: f"/knowledge/proposals/{w.proposal.pk}/", lambda w: st.fixed_dictionaries({}, optional={
        "outcome": value("accepted", "rejected", "partly"), "decided_on": dates(), "body": value("Hallitus"),
        "rationale": value("Perustelu"), "owner": value("Johto"), "due_date": dates()})),
    "actions:update": ("manager", user("manager"), lambda w: "/knowledge/actions/", with_action("update", lambda w: {
        "pk": value(w.action.pk, w.child.pk), "status": value("planned", "in_progress", "done", "cancelled"),
        "progress": value("", "0", "40", "100")})),
    "actions:import": ("manager", user("manager"), lambda w: "/knowledge/actions/", lambda w: st.fixed_dictionaries(
        {"file": action_csv(w)})),
    "follow_up": ("anonymous", user("anonymous"), lambda w: f"/knowledge/follow-up/{w.follow_up.token}/", lambda w: st.fixed_dictionaries({}, optional={
        "answer": value("yes", "partly", "no", "dont_know")})),
    "reports:withdraw_consent": ("anonymous", user("anonymous"), lambda w: f"/reports/consent/{consent_withdrawal_token(w.report)}/",
                                 lambda w: st.fixed_dictionaries({}, optional={"answer": value("yes", "x"), "token": value("x")})),
    # reports.views: the staff and the public form (preview, then confirm)
    "reports:new": ("reporter", user("reporter"), lambda w: "/reports/new/", lambda w: st.fixed_dictionaries({}, optional=report_fields(w))),
    "reports:note": ("reporter", user("reporter"), lambda w: f"/reports/{w.report.public_id}/", with_action("note", lambda w: {
        "note": value("Lisätieto")})),
    "reports:withdraw": ("reporter", user("reporter"), lambda w: f"/reports/{w.report.public_id}/", with_action("withdraw", lambda w: {
        "confirm": value("on", "")})),
    "reports:public": ("anonymous", user("anonymous"), lambda w: "/reports/public/", lambda w: st.fixed_dictionaries({}, optional=public_fields(w))),
    # reports.import_views: the history import (mapping and preview after an upload: tests/reports/test_import_page.py)
    "reports:import:upload": ("coordinator", user("coordinator"), lambda w: "/reports/import/", lambda w: st.fixed_dictionaries(
        {"action": st.just("upload")}, optional={"file": history_file(w)})),
    "reports:import:map": ("coordinator", user("coordinator"), lambda w: "/reports/import/", lambda w: st.fixed_dictionaries(
        {"action": value("preview", "import")}, optional={"col_description": value("Kuvaus"), "col_created_at": value("Vastausaika"),
        "col_municipality": value("Kunta"), "save_as": value("Webropol")})),
    "reports:import:other": ("coordinator", user("coordinator"), lambda w: "/reports/import/", lambda w: st.fixed_dictionaries(
        {"action": value("delete_mapping", "discard")}, optional={"mapping": value(1, 2)})),
    "sources:feedback_import:upload": ("coordinator", user("coordinator"), lambda w: "/sources/feedback/import/",
                                       lambda w: st.fixed_dictionaries({"action": st.just("upload")},
                                                                       optional={"file": history_file(w)})),
    "sources:feedback_import:map": ("coordinator", user("coordinator"), lambda w: "/sources/feedback/import/", lambda w: st.fixed_dictionaries(
        {"action": value("preview", "import", "delete_mapping", "discard")}, optional={"col_received_on": value("Vastausaika"),
        "col_text": value("Kuvaus"), "col_kind": value("Kunta"), "save_as": value("Rekisteri"), "mapping": value(1, 2)})),
    "sources:feedback_import_run:resume": ("coordinator", user("coordinator"),
                                           lambda w: f"/sources/feedback/import/{failed_import_run(w, 'feedback').pk}/",
                                           lambda w: st.fixed_dictionaries({"action": value("resume", "x")},
                                                                           optional={"file": history_file(w)})),
    "reports:import_run:resume": ("coordinator", user("coordinator"), lambda w: f"/reports/import/{failed_import_run(w).pk}/",
                                  lambda w: st.fixed_dictionaries({"action": value("resume")}, optional={"file": history_file(w)})),
    # federation.views: a national analyst uploads a county package (refused: no county key is registered)
    "federation:packages": ("national_analyst", user("national_analyst"), lambda w: "/federation/packages/",
                            lambda w: st.fixed_dictionaries({}, optional={"package": package_files(w)})),
    # plans.views
    "plans:create": ("coordinator", user("coordinator"), lambda w: "/plans/", lambda w: st.fixed_dictionaries(
        {"action": value("plan", "year")}, optional={"title": value("Suunnitelma"), "term_start": value(2025, 2029),
        "term_end": value(2029, 2024), "main_goal": value("Tavoite"), "year": value(2026, 2027)})),
    "plans:plan": ("coordinator", user("coordinator"), lambda w: f"/plans/{w.plan.pk}/", lambda w: st.fixed_dictionaries(
        {"action": value("main_goal", "objective", "area", "measure", "actor", "communication", "new_version", "next_term")},
        optional={"main_goal": value("Tavoite"), "text": value("Tavoite"), "name": value("Alue"),
        "description": value("Kuvaus"), "area": value(*w.plan.areas.values_list("pk", flat=True)),
        "owner": value("Omistaja"), "indicators": value("Mittari"), "duties": value("Tehtävät"),
        "audience": value("Päättäjät"), "goals": value("Tieto"), "channels": value("Verkko")})),
    "plans:approve": ("manager", user("manager"), lambda w: f"/plans/{w.plan.pk}/", lambda w: st.fixed_dictionaries(
        {"action": value("approve", "publish")}, optional={"body": value("Aluehallitus"), "approved_on": dates()})),
    "plans:year": ("coordinator", user("coordinator"), lambda w: f"/plans/years/{w.year_plan.pk}/", lambda w: st.fixed_dictionaries(
        {"action": value("add", "update", "generate")}, optional={"measure": value("Työpaja"),
        "responsible": value("Koordinaattori"), "goal": value("Tavoite"), "planned_date": dates(), "notes": value("Huom"),
        "pk": value(w.year_measure.pk), "status": value("planned", "in_progress", "done", "postponed"),
        "done_date": dates(), "language": value("fi", "sv")})),
    "plans:report": ("manager", user("manager"), lambda w: f"/plans/monitoring/{w.monitoring.pk}/", lambda w: st.fixed_dictionaries(
        {"action": value("evaluate", "approve", "publish")}, optional={"evaluation": value("Arvio")})),
    # core.views
    # shortcomings.views (paths from tests/shortcomings/registry.py: a fresh notification per branch)
    "shortcomings:new": ("reporter", user("reporter"), lambda w: "/shortcomings/new/", lambda w: st.fixed_dictionaries({}, optional={
        "unit": value(sc.fuzz_unit()), "service_area": value("older_people", "other"), "what": value("Lääkkeet jäävät antamatta."),
        "since": dates(), "safety_at_risk_now": value("yes", "no"), "phenomena": values("asuminen"), "signs": value("on", "")})),
    "shortcomings:acknowledge": ("manager", user("manager"), lambda w: sc.fuzz_path(w.users, acknowledged=False),
                                 with_action("acknowledge", lambda w: {})),
    "shortcomings:start": ("manager", user("manager"), lambda w: sc.fuzz_path(w.users), with_action("start", lambda w: {})),
    "shortcomings:add_action": ("manager", user("manager"), lambda w: sc.fuzz_path(w.users), with_action("add_action", lambda w: {
        "what": value("Perehdytys iltavuoroon"), "owner": value(w.users["manager"].pk), "due": dates()})),
    "shortcomings:complete_action": ("manager", user("manager"), lambda w: sc.fuzz_path(w.users),
                                     with_action("complete_action", lambda w: {"item": value(sc.FUZZ["action"])})),
    "shortcomings:corrected": ("manager", user("manager"), lambda w: sc.fuzz_path(w.users), with_action("corrected", lambda w: {})),
    "shortcomings:unfounded": ("manager", user("manager"), lambda w: sc.fuzz_path(w.users),
                               with_action("unfounded", lambda w: {"reason": value("Aiheeton")})),
    "shortcomings:escalate": ("reporter", user("reporter"), lambda w: sc.fuzz_path(w.users),
                              with_action("escalate", lambda w: {"reason": value("Ei korjattu")})),
    "shortcomings:unknown": ("manager", user("manager"), lambda w: sc.fuzz_path(w.users),
                             lambda w: st.fixed_dictionaries({"action": hostile})),
    # sources.views (paths from tests/sources/registry.py: a fresh draft document per branch)
    "sources:upload": ("coordinator", user("coordinator"), lambda w: "/sources/", lambda w: st.fixed_dictionaries({}, optional={
        "kind": value("social_ombudsman", "research"), "title": value("Sosiaaliasiavastaavan selvitys"),
        "author_organisation": value("Sosiaaliasiavastaava"), "year": value(2025, 1989, 2100), "language": value("fi", "sv"),
        "municipalities": values(*so.municipality_codes()), "summary": value("Yhteenveto"), "file": so.fuzz_file()})),
    "sources:add_finding": ("coordinator", user("coordinator"), lambda w: so.fuzz_path(w.users), with_action("add_finding", lambda w: {
        "text": value("Asunnottomuus lisääntyy."), "phenomena": values("asuminen"), "target_groups": values("tyoikaiset"),
        "municipalities": values(*so.municipality_codes())})),
    "sources:edit_finding": ("coordinator", user("coordinator"), lambda w: so.fuzz_path(w.users), with_action("edit_finding", lambda w: {
        "item": value(so.FUZZ["finding"]), "text": value("Muutettu havainto."), "phenomena": values("asuminen", "toimeentulo"),
        "municipalities": values(*so.municipality_codes())})),
    "sources:delete_finding": ("coordinator", user("coordinator"), lambda w: so.fuzz_path(w.users),
                               with_action("delete_finding", lambda w: {"item": value(so.FUZZ["finding"])})),
    "sources:publish": ("coordinator", user("coordinator"), lambda w: so.fuzz_path(w.users), with_action("publish", lambda w: {})),
    "sources:unknown": ("coordinator", user("coordinator"), lambda w: so.fuzz_path(w.users),
                        lambda w: st.fixed_dictionaries({"action": hostile})),
    # participation.views (paths from tests/participation/registry.py: a fresh open idea per branch)
    "participation:public_idea": ("anonymous", user("anonymous"), lambda w: "/participation/ideas/new/",
                                  lambda w: st.fixed_dictionaries({}, optional={
        "title": value("Nuorten iltatila"), "text": value("Nuorille paikka iltaisin."), "municipality": value("179", "297"),
        "email": value("asukas@example.org", "ei-osoite"), "website": value(""), "form_token": value(old_token())})),
    "participation:my_ideas": ("reporter", user("reporter"), lambda w: "/participation/ideas/mine/",
                               lambda w: st.fixed_dictionaries({}, optional={
        "title": value("Yhteinen ohjaus"), "text": value("Ohjaus yhteen."), "municipality": value("179", "297"),
        "phenomenon": value("asuminen")})),
    "participation:to_proposal": ("coordinator", user("coordinator"), lambda w: pa.fuzz_path(), with_action("to_proposal", lambda w: {
        "title": value("Nuorten iltatila"), "text": value("Avataan iltatila."), "addressed_to": value("municipality", "ngo"),
        "addressed_to_name": value("Jyväskylän kaupunki")})),
    "participation:decline": ("coordinator", user("coordinator"), lambda w: pa.fuzz_path(),
                              with_action("decline", lambda w: {"response": value("Ei nyt.")})),
    "participation:create_round": ("coordinator", user("coordinator"), lambda w: "/participation/rounds/",
                                   lambda w: st.fixed_dictionaries({}, optional={
        "municipality": value("729", "297"), "question": value("Mikä pännii?"), "opens_on": dates(), "closes_on": dates(),
        "language": value("fi", "sv")})),
    "participation:classify": ("coordinator", user("coordinator"), lambda w: pa.fuzz_round(), with_action("classify", lambda w: {
        "item": value(pa.FUZZ.get("answer", 1)), "phenomenon": value("asuminen", "")})),
    "participation:round_unknown": ("coordinator", user("coordinator"), lambda w: pa.fuzz_round(),
                                    lambda w: st.fixed_dictionaries({"action": hostile})),
    "participation:answer": ("anonymous", user("anonymous"), lambda w: pa.fuzz_round() + "answer/",
                             lambda w: st.fixed_dictionaries({}, optional={
        "text": value("Bussit kulkevat harvoin."), "helps": value("Lisää vuoroja."), "website": value(""),
        "form_token": value(old_token())})),
    "participation:unknown": ("coordinator", user("coordinator"), lambda w: pa.fuzz_path(),
                              lambda w: st.fixed_dictionaries({"action": hostile})),
    "participation:create_workshop": ("coordinator", user("coordinator"), lambda w: "/participation/workshops/",
                                      lambda w: st.fixed_dictionaries({}, optional={
        "phenomenon": value("mielenterveys", "ei-ole"), "title": value("Työpaja"), "description": value("Kuvaus"),
        "audience": value("everyone", "residents"), "keep_registrations": value("on", "")})),
    "participation:add_session": ("coordinator", user("coordinator"), lambda w: pa.fuzz_series(), with_action("add_session", lambda w: {
        "day": dates(), "time": value("14:00", "25:61"), "duration_minutes": value(90, 5, 100000),
        "online_link": value("https://teams.example.org/meet/x", "javascript:alert(1)", ""), "place": value("Kirjasto", ""),
        "language": value("fi", "sv")})),
    "participation:session_moves": ("coordinator", user("coordinator"), lambda w: pa.fuzz_series(), lambda w: st.fixed_dictionaries(
        {"action": value("open", "held", "erase_registrations")}, optional={"item": value(pa.FUZZ.get("planned", 1), pa.FUZZ.get("open", 1))})),
    "participation:facilitator_sheet": ("coordinator", user("coordinator"), lambda w: pa.fuzz_series(), with_action("sheet", lambda w: {
        "item": value(pa.FUZZ.get("open", 1), pa.FUZZ.get("planned", 1)), "need": value("Jonot\nOdotusajat"),
        "source": value("Sotkanet"), "missing": value("")})),
    "participation:compile_publish": ("coordinator", user("coordinator"), lambda w: pa.fuzz_series(), lambda w: st.fixed_dictionaries(
        {"action": value("compile", "publish")})),
    "participation:workshop_unknown": ("coordinator", user("coordinator"), lambda w: pa.fuzz_series(),
                                       lambda w: st.fixed_dictionaries({"action": hostile})),
    "participation:register": ("anonymous", user("anonymous"), lambda w: pa.fuzz_series() + "join/",
                               lambda w: st.fixed_dictionaries({}, optional={
        "session": value(pa.FUZZ.get("planned", 1), pa.FUZZ.get("open", 1)), "name": value("Maija"),
        "email": value("maija@example.org", "ei-osoite"), "website": value(""), "form_token": value(old_token())})),
    "participation:worksheet": ("anonymous", user("anonymous"), lambda w: (pa.fuzz_series(), f"/participation/worksheet/{pa.FUZZ['code']}/")[1],
                                lambda w: st.fixed_dictionaries({}, optional={
        "need": value("Jonot"), "indicator": value("Sotkanet"), "proposal": value("Lisää vuoroja"), "website": value(""),
        "form_token": value(old_token())})),
    "participation:create_forum": ("coordinator", user("coordinator"), lambda w: "/participation/forums/",
                                   lambda w: st.fixed_dictionaries({}, optional={
        "title": value("Foorumi"), "day": dates(), "time": value("18:00"), "place": value("Kirjasto", ""),
        "online_link": value("https://teams.example.org/meet/x", "ei-osoite")})),
    "participation:moderate": ("coordinator", user("coordinator"), lambda w: pa.fuzz_forum(), lambda w: st.fixed_dictionaries(
        {"action": value("accept", "reject")}, optional={"item": value(pa.FUZZ.get("listed", 1), pa.FUZZ.get("waiting", 1))})),
    "participation:forum_unknown": ("coordinator", user("coordinator"), lambda w: pa.fuzz_forum(),
                                    lambda w: st.fixed_dictionaries({"action": hostile})),
    "participation:public_forum": ("anonymous", user("anonymous"), lambda w: pa.fuzz_forum() + "topics/",
                                   lambda w: st.fixed_dictionaries({"action": value("vote", "suggest")}, optional={
        "item": value(pa.FUZZ.get("listed", 1), pa.FUZZ.get("waiting", 1)), "text": value("Bussivuorot"), "website": value(""),
        "form_token": value(old_token())})),
    # accounts.admin_views (paths from tests/accounts/registry.py: a fresh user per branch)
    "county_admin:invite": ("admin", user("admin"), lambda w: "/admin/county/invite/", lambda w: st.fixed_dictionaries({}, optional={
        "email": value("uusi@example.org", "toinen@example.org"), "username": value("uusi_fuzz", "fuzz_admin"),
        "first_name": value("Kaisa"), "last_name": value("Kumppani"), "role": value("reporter", "partner", "national_analyst"),
        "organisation": value(ca.organisation_of("15", "Fuzz-kotihoito").pk), "language": value("fi", "sv", "en")})),
    "county_admin:role": ("admin", user("admin"), lambda w: ca.fuzz_target(w.users), with_action("role", lambda w: {
        "role": value("manager", "admin", "national_analyst", "reporter")})),
    "county_admin:organisation": ("admin", user("admin"), lambda w: ca.fuzz_target(w.users), with_action("organisation", lambda w: {
        "organisation": value(ca.FUZZ["org"], "")})),
    "county_admin:deactivate": ("admin", user("admin"), lambda w: ca.fuzz_target(w.users), lambda w: st.fixed_dictionaries(
        {"action": value("deactivate", "reactivate", "resend")})),
    "county_admin:user_unknown": ("admin", user("admin"), lambda w: ca.fuzz_target(w.users),
                                  lambda w: st.fixed_dictionaries({"action": hostile})),
    "county_admin:create_token": ("admin", user("admin"), lambda w: ca.fuzz_tokens(w.users), with_action("create", lambda w: {
        "user": value(ca.FUZZ["user"]), "name": value("Integraatio"), "scope": value("read", "write"), "expires_on": dates()})),
    "county_admin:revoke_token": ("admin", user("admin"), lambda w: ca.fuzz_tokens(w.users), with_action("revoke", lambda w: {
        "token": value(ca.FUZZ["token"])})),
    "county_admin:organisations": ("admin", user("admin"), lambda w: ca.fuzz_organisations(), lambda w: st.fixed_dictionaries(
        {"action": value("add", "save")}, optional={"item": value(ca.FUZZ["org"]), "name": value("Setlementti", "Fuzz-kotihoito"),
        "kind": value("ngo", "parish")})),
    "second_factor": ("coordinator", user("coordinator"), lambda w: "/accounts/second-factor/", fields(
        code=value("123456", "000000"), next=value("/", "//evil.example/", "/triage/"))),
    "county_admin:settings": ("admin", user("admin"), lambda w: ca.fuzz_settings(), lambda w: st.fixed_dictionaries(
        {"action": value("map_group", "unmap_group", "password_login")}, optional={
        "group": value("ilmio-ksuomi-sosiaalityo", ca.FUZZ["group_name"]), "role": value("coordinator", "national_analyst"),
        "item": value(ca.FUZZ["group"]), "allowed": value("0", "1")})),
    "county_admin:set_password": ("anonymous", user("anonymous"), lambda w: ca.fuzz_set_password_link(), lambda w: st.fixed_dictionaries(
        {}, optional={"new_password1": value("Kesäpäivä-2026!"), "new_password2": value("Kesäpäivä-2026!", "Toinen-2026!")})),
    "set_language": ("reporter", user("reporter"), lambda w: "/i18n/setlang/", lambda w: st.fixed_dictionaries({}, optional={
        "language": value("fi", "sv", "en"), "next": value("/", "//evil.example/")})),
}  # fmt: skip


def test_every_post_view_is_fuzzed() -> None:
    """Each view that accepts POST has a branch here (a new one must be added)."""
    from tests.quality.test_permission_matrix import url_patterns

    covered = {"federation:packages", "analysis:report", "gdpr:correct_report", "analysis:cases", "analysis:case", "analysis:codebook", "analysis:codebook_import",
               "analysis:review_signal", "analysis:signal_case",
               "analysis:bulk_status", "analysis:queue_filters", "knowledge:summaries", "knowledge:summary", "knowledge:proposal",
               "knowledge:actions", "knowledge:follow_up", "reports:withdraw_consent", "reports:new", "reports:public_new", "reports:detail", "set_language",
               "plans:plans", "plans:plan", "plans:year", "plans:report", "knowledge:newsletter",
               "shortcomings:new", "shortcomings:detail", "sources:list", "sources:detail",
               "county_admin:invite", "county_admin:user", "county_admin:tokens", "county_admin:organisations",
               "county_admin:set_password", "county_admin:settings", "second_factor",
               "reports:import", "reports:import_run", "sources:feedback_import", "sources:feedback_import_run",
               "participation:public_idea", "participation:my_ideas", "participation:idea",
               "participation:rounds", "participation:round", "participation:public_round",
               "participation:workshops", "participation:workshop", "participation:public_workshop", "participation:worksheet",
               "participation:forums", "participation:forum", "participation:public_forum"}  # fmt: skip
    # Read-only (GET) views, the log-in/out pair and the API (fuzzed below).
    read_only = {"home", "about", "health", "login", "logout", "audit_log", "audit_export", "reports:public_thanks", "reports:mine", "reports:list",
                 "situation:situation", "situation:brief", "analysis:queue",
                 "analysis:codebook_export", "analysis:case_export", "knowledge:summary_export", "knowledge:proposals",
                 "knowledge:action_export", "knowledge:notifications", "knowledge:public_summaries",
                 "knowledge:public_summary", "knowledge:public_summary_export", "knowledge:outcomes",
                 "knowledge:county_summaries", "knowledge:public_feed", "knowledge:public_phenomenon_feed",
                 "knowledge:public_snippet",
                 "plans:diff", "plans:term", "plans:report_export", "plans:public_reports", "plans:public_report",
                 "shortcomings:mine", "shortcomings:workbench", "shortcomings:letter", "shortcomings:annual",
                 "sources:file",
                 "county_admin:users", "sso_start", "sso_callback",
                 "plans:public_report_export", "reports:import_status", "sources:feedback",
                 "sources:feedback_import_status", "participation:ideas", "participation:thanks",
                 "participation:round_poster", "participation:workshop_delivery", "participation:information_needs",
                 "federation:national", "federation:national_export"}  # fmt: skip
    names = {name for name, _ in url_patterns() if not name.startswith("api:")}
    assert names - covered - read_only == set(), "views without a fuzzed POST branch"


@pytest.mark.parametrize("branch", sorted(BRANCHES))
def test_post_branch_survives_random_input(world: World, branch: str, db: Any) -> None:
    _role, who, path, make = BRANCHES[branch]
    client = client_for(who(world))
    url = path(world)

    @FUZZ
    @given(data=make(world))
    def run(data: dict[str, Any]) -> None:
        for upload in [data.get("file"), *data.get("package", [])]:
            if upload is not None:
                upload.seek(0)
        before = fingerprint()
        response = client.post(url, data)
        check(response, before, f"POST {url} {branch} {data!r:.300}")

    run()


# --- the API ------------------------------------------------------------------------------

json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**80), max_value=2**80),
              st.floats(allow_nan=False, allow_infinity=False), hostile),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=5,
)  # fmt: skip


def api_value(*valid: Any) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(list(valid)), json_value) if valid else json_value


REPORT_BODY = {
    "title": api_value("Havainto"), "description": api_value("Vuokrarästit kasvavat."), "kind": api_value("concern"),
    "phenomena": api_value(["asuminen"], ["x" * 50] * 11), "target_groups": api_value(["tyoikaiset"]),
    "municipalities": api_value(["179"], ["297"], []), "whole_county": api_value(True, False),
    "service_area": api_value("aikuissosiaalityo", None), "prevalence": api_value("several"),
    "observed_since": api_value("months"), "trend": api_value("growing"), "effects": api_value(""),
    "proposed_action": api_value(""), "language": api_value("fi", "sv"), "reporter_type": api_value("professional", None),
    "partner_organisation_type": api_value(""), "wants_feedback": api_value(False, True),
}  # fmt: skip


@pytest.fixture
def bearer(world: World, db: Any) -> dict[str, str]:
    from ilmio.accounts.services import create_api_token

    _token, key = create_api_token(world.users["coordinator"], "fuzz")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def api_requests(w: World) -> dict[str, st.SearchStrategy[tuple[str, str, Any, dict[str, str]]]]:
    """One strategy per operation of ilmio.reports.api: (method, path, body or query, headers)."""
    rest = {k: v for k, v in REPORT_BODY.items() if k not in ("title", "description")}
    body = st.one_of(st.fixed_dictionaries({"title": REPORT_BODY["title"], "description": REPORT_BODY["description"]},
                                           optional=rest), st.fixed_dictionaries({}, optional=REPORT_BODY), json_value)  # fmt: skip
    key = st.one_of(st.none(), st.sampled_from(["fuzz-api-key-1", "fuzz-api-key-2"]), st.text(max_size=120))
    redact = st.one_of(st.fixed_dictionaries({"text": api_value("Matti Virtanen, 040 765 4321")},
                                             optional={"lang": api_value("fi", "sv", None)}), json_value)  # fmt: skip
    paging = st.fixed_dictionaries({}, optional={"limit": value(1, 50, 500), "offset": value(0, 1, 10**9)})
    ids = st.one_of(st.just(str(w.report.public_id)), st.uuids().map(str),
                    hostile.filter(lambda s: not set(s) & set("/?#%")))  # fmt: skip
    headers = key.map(lambda k: {} if k is None else {"HTTP_IDEMPOTENCY_KEY": k.replace("\n", "")})
    return {
        "create_report": st.tuples(st.just("POST"), st.just("/api/v1/reports"), body, headers),
        "redact": st.tuples(st.just("POST"), st.just("/api/v1/redact"), redact, st.just({})),
        "list_reports": st.tuples(st.just("GET"), st.just("/api/v1/reports"), paging, st.just({})),
        "get_report": st.tuples(st.just("GET"), ids.map(lambda i: f"/api/v1/reports/{i}"), st.just({}), st.just({})),
    }


@pytest.mark.parametrize("operation", ["create_report", "redact", "list_reports", "get_report"])
def test_api_survives_random_input(world: World, bearer: dict[str, str], operation: str) -> None:
    client = Client()

    @FUZZ
    @given(request=api_requests(world)[operation])
    def run(request: tuple[str, str, Any, dict[str, str]]) -> None:
        method, path, payload, headers = request
        before = fingerprint()
        if method == "GET":
            response = client.get(path, payload, **bearer)
        else:
            response = client.post(path, json.dumps(payload), content_type="application/json", **bearer, **headers)
        assert response.status_code < 500, f"{method} {path} {payload!r:.300}: HTTP {response.status_code}"
        if response.status_code >= 400:
            assert fingerprint() == before, f"{method} {path}: refused ({response.status_code}) but the database changed"

    run()


# --- GET pages with query parameters -----------------------------------------------------------

GET_PAGES: dict[str, tuple[str, Callable[[World], str], dict[str, st.SearchStrategy[Any]]]] = {
    "triage:queue": ("coordinator", lambda w: "/triage/", {
        "status": value("open", "all", "received"), "phenomenon": value("asuminen"), "municipality": value("179"),
        "service_area": value("aikuissosiaalityo"), "language": value("fi"), "date_from": dates(), "date_to": dates(),
        "q": value("vuokra"), "page": value(1, 2)}),
    "reports:list": ("coordinator", lambda w: "/reports/", {"phenomenon": value("asuminen"), "page": value(1)}),
    "reports:mine": ("reporter", lambda w: "/reports/mine/", {"page": value(1)}),
    "situation": ("coordinator", lambda w: "/situation/", {
        "level": value("country", "cooperation_area", "county", "municipality"), "area": value("15", "179", "FI"),
        "period": value("month", "quarter", "year"), "phenomenon": value("asuminen", "all"), "format": value("csv", "xlsx")}),
    "brief": ("anonymous", lambda w: "/situation/brief/asuminen/", {
        "level": value("country", "county", "municipality"), "area": value("15", "179")}),
    "outcomes": ("anonymous", lambda w: "/knowledge/outcomes/15/", {"service_area": value("aikuissosiaalityo")}),
}  # fmt: skip


@pytest.mark.parametrize("page", sorted(GET_PAGES))
def test_get_page_survives_random_query(world: World, page: str, db: Any) -> None:
    role, path, params = GET_PAGES[page]
    client = client_for(world.users.get(role))
    url = path(world)

    @FUZZ
    @given(query=st.fixed_dictionaries({}, optional=params))
    def run(query: dict[str, Any]) -> None:
        response = client.get(url, query)
        assert response.status_code < 500, f"GET {url} {query!r:.300}: HTTP {response.status_code}"

    run()
