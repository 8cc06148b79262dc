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

Each check collects its findings, so a failure lists every place a value stayed. The county
and the scan are in staff_text.py, the probe and the scanner in pii_scan.py.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.quality.pii_scan import PROBE_PARTS, PROBE_SECRETS, PROBE_TEXT, find_leaks, probe_texts
from tests.quality.staff_text import TODAY, Base, client_for, everywhere_else, page_leaks

pytestmark = [pytest.mark.django_db(transaction=False), pytest.mark.usefixtures("_pdfs_as_text")]


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
             {"action": "mark_duplicate", "original": str(b.reports["original"].public_id), "reason": text})  # fmt: skip
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


def test_the_base_reaches_the_pages_that_are_scanned(base: Base) -> None:
    """The scan is not vacuous: the public pages show the base's published texts."""
    public = client_for()
    outcomes = public.get("/knowledge/outcomes/15/").content.decode()
    assert base.published.title in outcomes and base.decided.title in outcomes
    summary = public.get(f"/knowledge/public/summaries/{base.published.pk}/").content.decode()
    assert base.published.title in summary
