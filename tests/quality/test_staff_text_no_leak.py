"""Staff-text PII probe: identifying details typed into any free-text field other than the
report form are redacted before storage and leave no trace anywhere.

For every field staff (or the public) can write, the probe text (a name, identity code,
phone, e-mail, address and IBAN) is typed through the real HTTP form as the role that may
write it; the loop is then carried on (approve, publish, decide) so the value reaches
every page that shows it. Then:

- the stored value holds the canonical placeholders ([NIMI] …): redacted, not refused;
- no probe value is in any table column (sessions and cache decoded), rendered file,
  captured log record, e-mail sent to consenting reporters, or page of the county —
  staff pages, the reporter's pages, public summaries and /knowledge/outcomes/15/.

Each check collects its findings, so a failure lists every place a value stayed.
"""

from __future__ import annotations

import csv
import io
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.test import Client
from django.utils import timezone

from tests.quality.pii_scan import (
    PROBE_PARTS,
    PROBE_SECRETS,
    PROBE_TEXT,
    find_leaks,
    log_text,
    mail_text,
    probe_texts,
    stored_leaks,
)

pytestmark = pytest.mark.django_db(transaction=False)

TODAY = timezone.localdate()


# --- a small county, built once per module (each test runs in a savepoint of it) -----------


@dataclass
class Base:
    county: Any
    users: dict[str, Any]
    reports: dict[str, Any]  # consented (staff, e-mail), public (feedback address), fresh, original
    draft: Any  # a draft summary citing every report
    published: Any  # a summary published to the public
    pending: Any  # an undecided proposal on the published summary
    decided: Any  # an accepted proposal with its action (done) and follow-up
    action: Any
    case: Any
    follow_up: Any


def build_base() -> Base:
    from ilmio.accounts.models import User
    from ilmio.analysis.services import create_case
    from ilmio.areas.models import County, Municipality
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import Action, FollowUp
    from ilmio.reports.models import Report
    from ilmio.reports.services import submit_report
    from ilmio.taxonomy.models import Phenomenon

    county = County.objects.get(code="15")
    jyvaskyla = Municipality.objects.get(code="179")
    housing = Phenomenon.objects.get(code="asuminen")
    users = {role: User.objects.create(username=f"probe_{role}", role=role, county=county,
                                       email=f"{role}@example.org")  # fmt: skip
             for role in ("reporter", "coordinator", "manager", "decision_maker")}

    def report(name: str, **kwargs: Any) -> Any:
        created, _ = submit_report(
            {"title": f"Vuokrarästit {name}", "description": "Vuokrarästit kasvavat ja häätöuhka lisääntyy.",
             "municipalities": [jyvaskyla], "phenomena": [housing], "wants_feedback": kwargs.pop("consent", False)},
            county=county, **kwargs)  # fmt: skip
        return created

    reports = {
        "consented": report("A", channel=Report.Channel.FORM, submitted_by=users["reporter"], consent=True),
        "public": report("B", channel=Report.Channel.PUBLIC_FORM, feedback_email="palaute@example.org", consent=True),
        "fresh": report("C", channel=Report.Channel.FORM, submitted_by=users["coordinator"]),
        "original": report("D", channel=Report.Channel.FORM, submitted_by=users["coordinator"]),
    }
    coordinator, manager = users["coordinator"], users["manager"]

    def summary(title: str) -> Any:
        return loop.draft_summary(county=county, title=title, period_start=TODAY, period_end=TODAY, by=coordinator,
                                  phenomena=[housing])  # fmt: skip

    draft = summary("Asumisen luonnos")
    published = summary("Asumisen tilanne")
    loop.approve_summary(published, by=manager)
    loop.publish_summary(published, "public", by=manager)
    pending = loop.create_proposal(county=county, title="Asumisneuvontaa lisää", text="Neuvontaa kahdesti viikossa.",
                                   addressed_to="steering_group", by=manager, summary=published)  # fmt: skip
    decided = loop.create_proposal(county=county, title="Vuokravelkaneuvonta", text="Velkaneuvonta kuntiin.",
                                   addressed_to="steering_group", by=manager, summary=published)  # fmt: skip
    loop.record_decision(decided, outcome="accepted", decided_on=TODAY, body="Ohjausryhmä", by=manager,
                         owner="Palvelupäällikkö")  # fmt: skip
    action = Action.objects.get(proposal=decided)
    loop.update_action(action, status="done", by=manager)
    case = create_case(county=county, title="Häätöjen kasvu", by=coordinator, phenomenon=housing,
                       description="Häätöuhat lisääntyvät.", analysis_notes="Seurataan.",
                       reports=[reports["consented"]])  # fmt: skip
    follow_up = FollowUp.objects.get(report=reports["consented"], action=action)
    return Base(county=county, users=users, reports=reports, draft=draft, published=published, pending=pending,
                decided=decided, action=action, case=case, follow_up=follow_up)  # fmt: skip


@pytest.fixture(scope="module")
def base(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from tests.conftest import ensure_reference_data

    with django_db_blocker.unblock(), transaction.atomic():
        ensure_reference_data()
        built = build_base()
        # The base itself carries no probe value, so everything found later is the test's.
        assert not stored_leaks(), stored_leaks()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def captured_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture(autouse=True)
def _pdfs_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Summary PDFs are rendered by the real code from the real template; only WeasyPrint's
    last step is replaced, so the "PDF" is that HTML: fast, and read by the MEDIA_ROOT scan."""
    weasyprint = pytest.importorskip("weasyprint")

    class HTML:
        def __init__(self, string: str = "", **kwargs: Any) -> None:
            self.string = string

        def write_pdf(self, *args: Any, **kwargs: Any) -> bytes:
            return self.string.encode()

    monkeypatch.setattr(weasyprint, "HTML", HTML)


# --- requests -----------------------------------------------------------------------


def client_for(user: Any = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    if user is not None:
        client.force_login(user)
    return client


def post(user: Any, url: str, data: dict[str, Any], expect: int = 302) -> Any:
    response = client_for(user).post(url, data)
    assert response.status_code == expect, f"POST {url}: {response.status_code} {response.content.decode()[:1500]}"
    return response


def redirected_pk(response: Any) -> int:
    return int(response["Location"].rstrip("/").rsplit("/", 1)[-1])


def approve_and_publish(b: Base, summary_pk: int) -> None:
    """The manager approves and publishes to the public (reporters who consented are told)."""
    url = f"/knowledge/summaries/{summary_pk}/"
    post(b.users["manager"], url, {"action": "approve"})
    post(b.users["manager"], url, {"action": "publish", "audience": "public"})
    from ilmio.knowledge.models import Summary

    assert Summary.objects.get(pk=summary_pk).visible_to("public"), "the summary was not published"


def decide(b: Base, proposal_pk: int, **values: str) -> None:
    data = {"outcome": "accepted", "decided_on": TODAY.isoformat(), "body": "Ohjausryhmä", "rationale": "",
            "owner": "", "due_date": "", **values}  # fmt: skip
    post(b.users["manager"], f"/knowledge/proposals/{proposal_pk}/", data)
    from ilmio.knowledge.models import Decision

    assert Decision.objects.filter(proposal_id=proposal_pk).exists(), "the decision was not recorded"


def csv_upload(rows: list[dict[str, Any]]) -> SimpleUploadedFile:
    from ilmio.knowledge.action_files import COLUMNS

    handle = io.StringIO()
    writer = csv.DictWriter(handle, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows({column: row.get(column, "") for column in COLUMNS} for row in rows)
    return SimpleUploadedFile("actions.csv", handle.getvalue().encode(), content_type="text/csv")


# --- the fields -------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    id: str
    max_length: int | None
    write: Callable[[Base, str, int], Any]  # types one probe text (the i-th) as the role that may; returns a key
    stored: Callable[[Base, list[Any]], list[str]]  # the field's stored values, by the keys
    then: Callable[[Base, list[Any]], None] | None = None  # carry the loop on so the value reaches more pages
    mail: bool = False  # consenting reporters are e-mailed on the way


def case_create(name: str) -> Field:
    def write(b: Base, text: str, i: int) -> Any:
        data = {"title": f"Häätöilmiö {i}", "phenomenon": "asuminen", "description": "", "analysis_notes": "", name: text}
        pk = redirected_pk(post(b.users["coordinator"], "/triage/cases/", data))
        post(b.users["coordinator"], f"/triage/reports/{b.reports['consented'].public_id}/", {"action": "case", "case": pk})
        return pk

    return Field(f"case.{name}[create]", 200 if name == "title" else None, write, _case_values(name))


def case_update(name: str) -> Field:
    def write(b: Base, text: str, i: int) -> Any:
        data = {"title": b.case.title, "phenomenon": "asuminen", "description": b.case.description,
                "analysis_notes": b.case.analysis_notes, name: text}  # fmt: skip
        post(b.users["coordinator"], f"/triage/cases/{b.case.pk}/", data)
        return b.case.pk

    return Field(f"case.{name}[update]", 200 if name == "title" else None, write, _case_values(name))


def _case_values(name: str) -> Callable[[Base, list[Any]], list[str]]:
    from ilmio.analysis.models import PhenomenonCase

    return lambda b, keys: [getattr(PhenomenonCase.objects.get(pk=k), name) for k in keys]


def code(name: str) -> Field:
    from ilmio.analysis.models import Code

    def write(b: Base, text: str, i: int) -> Any:
        data = {"name": f"Vuokravelka {i}", "description": "", "parent": "", name: text}
        post(b.users["coordinator"], "/triage/codebook/", data)
        return Code.objects.filter(county=b.county).latest("pk").pk

    return Field(f"code.{name}", 100 if name == "name" else 1000, write,
                 lambda b, keys: [getattr(Code.objects.get(pk=k), name) for k in keys])


def _status_changes(b: Base, keys: list[Any]) -> list[str]:
    from ilmio.analysis.models import StatusChange

    return [StatusChange.objects.get(pk=k).reason for k in keys]


def _latest_change(report: Any) -> int:
    from ilmio.analysis.models import StatusChange

    return StatusChange.objects.filter(report=report).latest("pk").pk


def status_reason() -> Field:
    def write(b: Base, text: str, i: int) -> Any:

        report = b.reports["fresh"]
        report.refresh_from_db()
        target = next(s for s in report.available_statuses() if s not in ("duplicate", "not_actionable"))
        post(b.users["coordinator"], f"/triage/reports/{report.public_id}/", {"action": "status", "status": target, "reason": text})
        return _latest_change(report)

    return Field("status_change.reason[triage_report status]", 500, write, _status_changes)


def duplicate_reason() -> Field:
    def write(b: Base, text: str, i: int) -> Any:
        report = b.reports["fresh"]
        post(b.users["coordinator"], f"/triage/reports/{report.public_id}/",
             {"action": "duplicate", "original": str(b.reports["original"].public_id), "reason": text})  # fmt: skip
        report.refresh_from_db()
        assert report.status == "duplicate" and report.duplicate_of_id == b.reports["original"].pk
        return _latest_change(report)

    return Field("status_change.reason[triage_report duplicate]", 500, write, _status_changes)


def bulk_reason() -> Field:
    def write(b: Base, text: str, i: int) -> Any:
        chosen = [b.reports["fresh"], b.reports["original"]]
        before = {r.pk: _latest_change(r) if r.status_changes.exists() else 0 for r in chosen}
        post(b.users["coordinator"], "/triage/bulk/",
             {"status": "in_review", "reason": text, "reports": [str(r.public_id) for r in chosen]})  # fmt: skip
        after = [_latest_change(r) for r in chosen]
        assert all(a != before[r.pk] for a, r in zip(after, chosen, strict=True)), "the bulk change did not happen"
        return after

    def stored(b: Base, keys: list[Any]) -> list[str]:
        return _status_changes(b, [k for group in keys for k in group])

    return Field("status_change.reason[bulk_status]", 500, write, stored)


def signal_note() -> Field:
    from ilmio.analysis.models import SignalReview

    def write(b: Base, text: str, i: int) -> Any:
        post(b.users["coordinator"], "/triage/signals/review/",
             {"phenomenon": "asuminen", "municipality": "179", "decision": "confirmed", "last_month": f"2026-0{i + 1}",
              "note": text, "next": "/situation/"})  # fmt: skip
        return SignalReview.objects.get(municipality_code="179", last_month=f"2026-0{i + 1}").pk

    return Field("signal_review.note[review_signal]", 500, write,
                 lambda b, keys: [SignalReview.objects.get(pk=k).note for k in keys])


def summary_title() -> Field:
    from ilmio.knowledge.models import Summary

    def write(b: Base, text: str, i: int) -> Any:
        response = post(b.users["coordinator"], "/knowledge/summaries/",
                        {"title": text, "period_start": TODAY.isoformat(), "period_end": TODAY.isoformat(),
                         "phenomena": ["asuminen"]})  # fmt: skip
        return redirected_pk(response)

    def then(b: Base, keys: list[Any]) -> None:
        for pk in keys:
            approve_and_publish(b, pk)

    return Field("summary.title[summary_list]", 200, write,
                 lambda b, keys: [Summary.objects.get(pk=k).title for k in keys], then, mail=True)


def statement_text() -> Field:
    from ilmio.knowledge.models import Statement

    def write(b: Base, text: str, i: int) -> Any:
        post(b.users["coordinator"], f"/knowledge/summaries/{b.draft.pk}/",
             {"action": "statement", "text": text, "citations": str(b.reports["consented"].public_id)})  # fmt: skip
        return Statement.objects.filter(summary=b.draft).latest("pk").pk

    return Field("statement.text[summary_detail statement]", 2000, write,
                 lambda b, keys: [Statement.objects.get(pk=k).text for k in keys],
                 lambda b, keys: approve_and_publish(b, b.draft.pk), mail=True)  # fmt: skip


def proposal(name: str) -> Field:
    from ilmio.knowledge.models import Proposal

    def write(b: Base, text: str, i: int) -> Any:
        data = {"action": "proposal", "title": f"Ehdotus {i}", "text": "Neuvontaa lisää.",
                "addressed_to": "steering_group", "addressed_to_name": "", name: text}  # fmt: skip
        return redirected_pk(post(b.users["coordinator"], f"/knowledge/summaries/{b.published.pk}/", data))

    def then(b: Base, keys: list[Any]) -> None:
        for pk in keys:
            decide(b, pk)  # decided proposals are listed on the outcomes page

    return Field(f"proposal.{name}[summary_detail proposal]", None if name == "text" else 200, write,
                 lambda b, keys: [getattr(Proposal.objects.get(pk=k), name) for k in keys], then, mail=True)


def decision(name: str) -> Field:
    from ilmio.knowledge.models import Action, Decision

    def write(b: Base, text: str, i: int) -> Any:
        target = b.pending if i == 0 else another_proposal(b, i)
        decide(b, target.pk, **{name: text})
        return target.pk

    def stored(b: Base, keys: list[Any]) -> list[str]:
        if name == "owner":
            return [Action.objects.get(proposal_id=k).owner for k in keys]
        return [getattr(Decision.objects.get(proposal_id=k), name) for k in keys]

    return Field(f"decision.{name}[proposal_detail]", None if name == "rationale" else 200, write, stored, mail=True)


def another_proposal(b: Base, i: int) -> Any:
    """A further undecided proposal, for a probe split over several decisions."""
    from ilmio.knowledge import services as loop

    return loop.create_proposal(county=b.county, title=f"Ehdotus {i}", text="Neuvontaa.", addressed_to="steering_group",
                                by=b.users["manager"], summary=b.published)  # fmt: skip


def action_import(name: str) -> Field:
    from ilmio.knowledge.models import Action

    def write(b: Base, text: str, i: int) -> Any:
        row = {"reference": f"PROBE-{i}", "title": "Asumisneuvonta", "description": "Neuvontaa kahdesti viikossa.",
               "owner": "Palvelupäällikkö", "status": "in_progress", "progress": "50", "proposal_id": str(b.decided.pk),
               name: text}  # fmt: skip
        post(b.users["manager"], "/knowledge/actions/", {"file": csv_upload([row])})
        return Action.objects.get(county=b.county, reference=f"PROBE-{i}").pk

    return Field(f"action.{name}[action_list CSV import]", None if name == "description" else 200, write,
                 lambda b, keys: [getattr(Action.objects.get(pk=k), name) for k in keys])


def milestone_title() -> Field:
    """No HTTP form writes milestones (only ilmio.knowledge.services.add_milestone, used by
    the demo); the write function is checked directly, the pages through HTTP."""
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import Milestone

    def write(b: Base, text: str, i: int) -> Any:
        return loop.add_milestone(b.action, text).pk

    return Field("milestone.title[add_milestone, no HTTP form]", 200, write,
                 lambda b, keys: [Milestone.objects.get(pk=k).title for k in keys])


FIELDS = [
    *(case_create(n) for n in ("title", "description", "analysis_notes")),
    *(case_update(n) for n in ("title", "description", "analysis_notes")),
    code("name"), code("description"),
    status_reason(), duplicate_reason(), bulk_reason(), signal_note(),
    summary_title(), statement_text(),
    *(proposal(n) for n in ("title", "text", "addressed_to_name")),
    *(decision(n) for n in ("body", "rationale", "owner")),
    *(action_import(n) for n in ("title", "description", "owner")),
    milestone_title(),
]  # fmt: skip


# --- where a value could stay -------------------------------------------------------------


def pages(b: Base) -> list[tuple[str, Any, str]]:
    """Every page of the county that shows staff text, as (who, user, url)."""
    from ilmio.analysis.models import PhenomenonCase
    from ilmio.knowledge.models import FollowUp, Proposal, Summary
    coordinator, manager, reporter = b.users["coordinator"], b.users["manager"], b.users["reporter"]
    found: list[tuple[str, Any, str]] = []
    for url in ["/triage/?status=all", "/triage/cases/", "/triage/codebook/", "/triage/codebook/export.qdc",
                "/triage/codebook/export.csv", "/knowledge/summaries/", "/knowledge/proposals/", "/knowledge/actions/",
                "/knowledge/actions/export.csv", "/situation/"]:  # fmt: skip
        found.append(("coordinator", coordinator, url))
    found += [("coordinator", coordinator, f"/triage/cases/{pk}/")
              for pk in PhenomenonCase.objects.filter(county=b.county).values_list("pk", flat=True)]
    found += [("coordinator", coordinator, f"/triage/reports/{b.reports[name].public_id}/")
              for name in ("consented", "fresh", "original")]
    for pk in Summary.objects.filter(county=b.county).values_list("pk", flat=True):
        found += [("coordinator", coordinator, f"/knowledge/summaries/{pk}/"),
                  ("coordinator", coordinator, f"/knowledge/summaries/{pk}/export.md")]
    found += [("manager", manager, f"/knowledge/proposals/{pk}/")
              for pk in Proposal.objects.filter(county=b.county).values_list("pk", flat=True)]
    found += [("manager", manager, "/audit/"), ("decision_maker", b.users["decision_maker"], "/knowledge/summaries/")]
    found += [("reporter", reporter, "/knowledge/notifications/"), ("reporter", reporter, "/reports/mine/"),
              ("reporter", reporter, f"/reports/{b.reports['consented'].public_id}/")]
    found += [("public", None, "/knowledge/public/summaries/"), ("public", None, "/knowledge/outcomes/15/")]
    for pk in Summary.objects.filter(county=b.county, status="published", audience="public").values_list("pk", flat=True):
        found += [("public", None, f"/knowledge/public/summaries/{pk}/"),
                  ("public", None, f"/knowledge/public/summaries/{pk}/export.md")]
    found += [("public", None, f"/knowledge/follow-up/{token}/")
              for token in FollowUp.objects.filter(action__county=b.county).values_list("token", flat=True)]
    return found


def page_leaks(b: Base) -> list[str]:
    problems = []
    clients: dict[str, Client] = {}
    for who, user, url in pages(b):
        client = clients.setdefault(who, client_for(user))
        response = client.get(url)
        if response.status_code != 200:
            problems.append(f"GET {url} as {who}: HTTP {response.status_code}")
            continue
        content = b"".join(response.streaming_content) if response.streaming else response.content
        problems += [f"page {url} as {who}: {kind}" for kind in find_leaks(content.decode("utf-8", errors="replace"))]
    return problems


def everywhere_else(records: list[logging.LogRecord]) -> list[str]:
    problems = stored_leaks()
    problems += [f"log: {kind}" for kind in find_leaks(log_text(records))]
    problems += [f"e-mail: {kind}" for kind in find_leaks(mail_text(mail.outbox))]
    return problems


def test_the_probe_is_one_the_redaction_engine_recognises() -> None:
    """Failures below are about wiring, not about detection: the engine redacts every
    probe piece completely, into exactly the expected placeholders."""
    from ilmio.privacy import redact

    for text, placeholders in [(PROBE_TEXT, ()), *PROBE_PARTS]:
        result = redact(text, "fi").text
        assert not find_leaks(result), (text, result)
        assert all(p in result for p in placeholders), (text, result)
    assert not find_leaks("Asumisen tilanne [NIMI] [HETU] [PUHELIN] [SÄHKÖPOSTI] [OSOITE] [TILINUMERO]")
    assert find_leaks(f"x {PROBE_SECRETS['hetu']} y") and find_leaks("soita 0407654321") and find_leaks("q=Mikko+Virtanen")


@pytest.mark.parametrize("field", FIELDS, ids=[f.id for f in FIELDS])
def test_staff_text_is_redacted_and_leaves_no_trace(
    base: Base, field: Field, captured_logs: pytest.LogCaptureFixture, django_capture_on_commit_callbacks: Any
) -> None:
    texts = probe_texts(field.max_length)
    with django_capture_on_commit_callbacks(execute=True):
        keys = [field.write(base, text, i) for i, (text, _placeholders) in enumerate(texts)]
    problems: list[str] = []
    if field.then is not None:
        try:
            with django_capture_on_commit_callbacks(execute=True):
                field.then(base, keys)
        except AssertionError as error:  # e.g. publishing refused: still scan what is there
            problems.append(f"the loop could not carry the value on: {str(error).splitlines()[0]}")
    values = field.stored(base, keys)
    assert len(values) >= len(texts), "every probe text was stored somewhere"
    expected = [p for _text, placeholders in texts for p in placeholders]
    missing = [p for p in expected if not any(p in value for value in values)]
    if missing:
        problems.append(f"stored value lacks placeholders {missing}: {values!r}")
    if field.mail and not mail.outbox:
        problems.append("no e-mail was sent to the consenting reporters (the mail scan would be empty)")
    problems += page_leaks(base)
    problems += everywhere_else(captured_logs.records)
    assert not problems, f"{field.id}:\n" + "\n".join(dict.fromkeys(problems))


def test_action_reference_from_the_csv_import_keeps_no_identifying_detail(
    base: Base, captured_logs: pytest.LogCaptureFixture
) -> None:
    """The reference column is free text too (matched on re-import): an identifying detail
    typed there may be refused or redacted, but it may not be stored or shown."""
    from ilmio.knowledge.models import Action

    rows = [{"reference": secret, "title": f"Asumisneuvonta {i}", "owner": "Palvelupäällikkö", "status": "planned",
             "progress": "10", "proposal_id": str(base.decided.pk)}
            for i, secret in enumerate(v for k, v in PROBE_SECRETS.items() if k not in ("surname", "first_name"))]  # fmt: skip
    before = Action.objects.count()
    client_for(base.users["manager"]).post("/knowledge/actions/", {"file": csv_upload(rows)})
    problems = page_leaks(base) + everywhere_else(captured_logs.records)
    assert not problems, f"{Action.objects.count() - before} actions imported:\n" + "\n".join(dict.fromkeys(problems))


def test_follow_up_answers_are_choices_only(base: Base, captured_logs: pytest.LogCaptureFixture) -> None:
    """The public follow-up form takes one of four answers; typed text is refused."""
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import FollowUp

    text_columns = {f.name for f in FollowUp._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)}
    assert text_columns == {"token", "answer"}, "a new free-text column on FollowUp needs a probe"
    assert set(FollowUp._meta.get_field("answer").choices or []) == set(FollowUp.Answer.choices)

    token = base.follow_up.token
    public = client_for()
    refused = public.post(f"/knowledge/follow-up/{token}/", {"answer": PROBE_TEXT})
    assert refused.status_code == 200
    base.follow_up.refresh_from_db()
    assert base.follow_up.answer == "" and base.follow_up.answered_at is None
    with pytest.raises(loop.LoopError):
        loop.answer_follow_up(token, PROBE_TEXT)
    assert public.post(f"/knowledge/follow-up/{token}/", {"answer": "partly"}).status_code == 200
    base.follow_up.refresh_from_db()
    assert base.follow_up.answer == "partly"
    problems = page_leaks(base) + everywhere_else(captured_logs.records)
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_triage_search_is_neither_stored_nor_logged(base: Base, captured_logs: pytest.LogCaptureFixture) -> None:
    """GET /triage/?q=…: the search runs, and nothing of it stays (the page that answers
    the search may show the searcher's own words back; no other page may)."""
    coordinator = client_for(base.users["coordinator"])
    for text, _placeholders in probe_texts(100):
        response = coordinator.get("/triage/", {"q": text, "status": "all"})
        assert response.status_code == 200
    matched = coordinator.get("/triage/", {"q": "Vuokrarästit A", "status": "all"})
    assert str(base.reports["consented"].public_id) in matched.content.decode(), "the search does not search"
    problems = page_leaks(base) + everywhere_else(captured_logs.records)
    assert not problems, "\n".join(dict.fromkeys(problems))


def assert_token_not_logged(token: str, records: list[logging.LogRecord]) -> None:
    lines = [log_text([r]) for r in records]
    found = [f"{r.name} {r.levelname}: {r.getMessage()}" for r, line in zip(records, lines, strict=True) if token in line]
    assert not found, f"the follow-up token is in {len(found)} log record(s): {found}"


def test_follow_up_tokens_are_not_logged(base: Base, captured_logs: pytest.LogCaptureFixture) -> None:
    token = base.follow_up.token
    public = client_for()
    assert public.get(f"/knowledge/follow-up/{token}/").status_code == 200
    assert public.post(f"/knowledge/follow-up/{token}/", {"answer": "yes"}).status_code == 200
    assert_token_not_logged(token, captured_logs.records)


def test_a_withdrawn_follow_up_token_is_not_logged(base: Base, captured_logs: pytest.LogCaptureFixture) -> None:
    """A link from an e-mail whose follow-up is gone (consent withdrawn, report erased)
    answers 404; the token it carries is still the reporter's and stays out of the logs."""
    token = base.follow_up.token
    base.follow_up.delete()
    assert client_for().get(f"/knowledge/follow-up/{token}/").status_code == 404
    assert_token_not_logged(token, captured_logs.records)


# --- the access log of `ilmio serve` (gunicorn) ------------------------------------------


def serve_access_log(monkeypatch: pytest.MonkeyPatch, raw_uri: str, referer: str = "-") -> tuple[str, list[str]]:
    """The access-log lines gunicorn writes for one request, with the configuration
    `ilmio serve` passes to it (its command line, parsed by gunicorn itself)."""
    pytest.importorskip("gunicorn")
    from gunicorn.app.wsgiapp import WSGIApplication

    from ilmio.core.server import serve

    configs: list[Any] = []
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    monkeypatch.delenv("GUNICORN_CMD_ARGS", raising=False)
    monkeypatch.setattr(WSGIApplication, "run", lambda self: configs.append(self.cfg))
    assert serve("127.0.0.1", 8765, 1) == 0
    assert configs, "ilmio serve did not configure gunicorn"
    cfg = configs[0]
    logger = cfg.logger_class(cfg)
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    logger.access_log.addHandler(Collect())
    path, _, query = raw_uri.partition("?")
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": raw_uri, "PATH_INFO": path, "QUERY_STRING": query,
               "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_REFERER": referer,
               "HTTP_USER_AGENT": "pytest"}  # fmt: skip
    response = SimpleNamespace(status="200 OK", sent=1234, headers=[("Content-Type", "text/html")])
    request = SimpleNamespace(headers=[("USER-AGENT", "pytest"), ("REFERER", referer)])
    logger.access(response, request, environ, timedelta(milliseconds=12))
    if not lines:
        assert not logger.access_log_enabled, "the access log is on but wrote nothing"
    return cfg.access_log_format, lines


def test_serve_access_log_has_no_query_string(monkeypatch: pytest.MonkeyPatch) -> None:
    from urllib.parse import urlencode

    query = urlencode({"q": probe_texts(100)[0][0], "status": "all"})
    fmt, lines = serve_access_log(monkeypatch, f"/triage/?{query}", referer=f"http://127.0.0.1:8765/triage/?{query}")
    leaked = [kind for line in lines for kind in find_leaks(line)]
    assert not leaked and not any(query in line for line in lines), f"access-log format {fmt!r} logs {leaked}: {lines}"


def test_serve_access_log_has_no_follow_up_token(monkeypatch: pytest.MonkeyPatch) -> None:
    token = "Zk3v9QpL0aB7xYcT2mN5rS8uW1eH4jD6"
    fmt, lines = serve_access_log(monkeypatch, f"/knowledge/follow-up/{token}/")
    assert not any(token in line for line in lines), f"access-log format {fmt!r} logs the follow-up token: {lines}"


def test_the_base_reaches_the_pages_that_are_scanned(base: Base) -> None:
    """The scan is not vacuous: the public pages show the base's published texts."""
    public = client_for()
    outcomes = public.get("/knowledge/outcomes/15/").content.decode()
    assert base.published.title in outcomes and base.decided.title in outcomes
    summary = public.get(f"/knowledge/public/summaries/{base.published.pk}/").content.decode()
    assert base.published.title in summary
