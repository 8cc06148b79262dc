"""A coordinator corrects a report after the fact.

Redacting a missed detail reaches every copy of the report's words (notes, status reasons,
coded passages with their offsets, cases, summaries with their revisions and PDFs,
statements, quotes, proposals, decisions, actions, milestones) and then the scanner finds
the detail nowhere: no table, file, cache or similarity index. Erasing a demo report cited
and quoted in published summaries leaves none of its own words anywhere, and the published
tables count it no more. Refused corrections change nothing; another county's report and a
role without triage get nothing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.analysis import insights
from ilmio.analysis.models import CodedPassage, StatusChange
from ilmio.analysis.retraining import retrain_from_decisions
from ilmio.analysis.services import (
    change_status,
    code_passage,
    create_case,
    create_code,
    update_case,
)
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.indicators.disclosure import published
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Quote, Statement, Summary, SummaryRevision
from ilmio.knowledge.revisions import record_revision
from ilmio.reports.classification import current_model, model_path
from ilmio.reports.models import Report
from ilmio.reports.services import add_report_note
from ilmio.text import get_default_model
from tests.gdpr.scan import places_holding
from tests.knowledge.helpers import file, logged_in
from tests.quality.pii_scan import file_text

pytestmark = pytest.mark.django_db

MISSED = "Lumikorpi"  # a family's name the redaction engine does not know
TEXT = f"Perhe {MISSED} kertoi, että vuokrarästit kasvavat ja häätöuhka lisääntyy asumistuen muutosten jälkeen."


@pytest.fixture
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    return settings.DATA_DIR


def correct(client: Client, report: Report, **data: str) -> Any:
    return client.post(f"/corrections/reports/{report.public_id}/", data)


def everywhere(report: Report, by: Any) -> Summary:
    """The missed detail copied into every place the loop copies a report's words to."""
    add_report_note(report, f"{MISSED} soitti uudelleen.", by=report.submitted_by)
    change_status(report, Report.WORKFLOW.named("on_review"), by=by, reason=f"{MISSED}: tarkistetaan")
    start = TEXT.index(MISSED)
    code_passage(report, create_code(county=report.county, name="Asuminen"), start, start + 30, by=by)
    case = create_case(county=report.county, title=f"{MISSED} ja naapurit", by=by, reports=[report])
    update_case(case, by=by, description=f"Tapaus {MISSED}", analysis_notes=f"{MISSED} mainittu")
    summary = loop.draft_summary(county=report.county, title="Asuminen", period_start=date(2000, 1, 1),
                                 period_end=date(2100, 12, 31), by=by)  # fmt: skip
    loop.edit_summary(summary, by=by, introduction=f"Esimerkkinä perhe {MISSED}.")
    loop.add_statement(summary, f"Perhe {MISSED} kuvaa ilmiötä.", [report], by=by)
    Quote.objects.create(summary=summary, report=report, text=TEXT, approved_for_public=True)
    loop.approve_summary(summary, by=by)
    loop.publish_summary(summary, "public", by=by)
    proposal = loop.create_proposal(county=report.county, title=f"Tukea perheelle {MISSED}", text=f"{MISSED} auttaa",
                                    addressed_to="steering_group", addressed_to_name=MISSED, summary=summary, by=by)  # fmt: skip
    loop.record_decision(proposal, outcome="accepted", decided_on=date(2026, 5, 1), body=f"Lautakunta {MISSED}",
                         rationale=f"Koska {MISSED}", owner=f"Tiimi {MISSED}", by=by)  # fmt: skip
    action = proposal.actions.get()
    loop.edit_action(action, by=by, description=f"Kotikäynti {MISSED}")
    loop.add_milestone(action, f"Soitto {MISSED}")
    return summary


def test_a_missed_detail_is_removed_from_every_copy(make_user, data_dir, django_capture_on_commit_callbacks):
    coordinator = make_user(Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        report = file(reporter=make_user(Role.REPORTER), text=TEXT)
        summary = everywhere(report, coordinator)
    insights.similar_reports(report)  # the county's similarity index is built with the word in it
    # A coordinator confirmed its classification and retrained the suggestion model on it.
    Report.objects.filter(pk=report.pk).update(classification_confirmed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        retrain_from_decisions(activate=True)
    assert model_path().exists() and current_model() is not get_default_model()
    assert len(places_holding(MISSED, data_dir)) >= 8, places_holding(MISSED, data_dir)
    assert MISSED in file_text(Path(Summary.objects.get(pk=summary.pk).pdf_field("public").path))

    with django_capture_on_commit_callbacks(execute=True):
        response = correct(logged_in(coordinator), report, action="redact", phrase=f"  {MISSED.upper()} ",
                           detail_type="person_name")  # fmt: skip
    assert response.status_code == 302
    assert places_holding(MISSED, data_dir) == []

    report.refresh_from_db()
    assert report.description.startswith("Perhe [NIMI] kertoi") and report.redaction_counts["person_name"] >= 2
    passage = CodedPassage.objects.get(report=report)
    assert passage.snippet == report.description[passage.start:passage.end] and passage.snippet.startswith("[NIMI]")
    assert StatusChange.objects.filter(report=report, reason="[NIMI]: tarkistetaan").exists()
    assert "[NIMI]" in file_text(Path(Summary.objects.get(pk=summary.pk).pdf_field("public").path))
    assert all(MISSED not in repr(r.content) for r in SummaryRevision.objects.filter(summary=summary))
    event = AuditEvent.objects.get(event_type=AuditEvent.Type.REPORT_REDACTED)
    assert event.object_id == str(report.public_id) and event.details["type"] == "person_name"
    assert event.details["occurrences"] >= 15 and MISSED not in repr(event.details)
    assert event.details["model_reset"] and not model_path().exists() and current_model() is get_default_model()


@pytest.mark.parametrize("data", [
    {"action": "redact", "phrase": "Ei tätä raportissa", "detail_type": "person_name"},  # not in the report
    {"action": "redact", "phrase": "[NIMI]", "detail_type": "person_name"},  # a placeholder
    {"action": "redact", "phrase": MISSED, "detail_type": "shoe_size"},  # no such kind
    {"action": "redact", "phrase": "L", "detail_type": "person_name"},  # too short
    {"action": "erase", "reason": "sender_asked"},  # not confirmed
    {"action": "erase", "reason": "bored", "confirm": "on"},  # no such reason
    {"action": "shred"},
])  # fmt: skip
def test_a_refused_correction_changes_nothing(make_user, data):
    coordinator = make_user(Role.COORDINATOR)
    report = file(text=TEXT)
    before = (Report.objects.values_list("title", "description", "redaction_counts").get(pk=report.pk),
              AuditEvent.objects.filter(event_type__in=[AuditEvent.Type.REPORT_REDACTED, AuditEvent.Type.REPORT_ERASED]).count())
    response = correct(logged_in(coordinator), report, **data)
    assert response.status_code == 200
    assert before == (Report.objects.values_list("title", "description", "redaction_counts").get(pk=report.pk),
                      AuditEvent.objects.filter(event_type__in=[AuditEvent.Type.REPORT_REDACTED,
                                                                AuditEvent.Type.REPORT_ERASED]).count())  # fmt: skip
    assert b'class="error' in response.content or b"errorlist" in response.content or b"messages" in response.content


@pytest.mark.parametrize("role", [Role.REPORTER, Role.PARTNER, Role.MANAGER, Role.DECISION_MAKER])
def test_a_role_without_triage_cannot_correct(make_user, role):
    report = file(text=TEXT)
    client = logged_in(make_user(role))
    assert client.get(f"/corrections/reports/{report.public_id}/").status_code == 403
    assert correct(client, report, action="erase", reason="sender_asked", confirm="on").status_code == 403
    assert correct(client, report, action="redact", phrase=MISSED, detail_type="person_name").status_code == 403
    assert Report.objects.get(pk=report.pk).description == report.description


def test_another_countys_coordinator_gets_nothing(make_user):
    report = file(text=TEXT)
    client = logged_in(make_user(Role.COORDINATOR, county_code="13"))
    assert client.get(f"/corrections/reports/{report.public_id}/").status_code == 404
    assert correct(client, report, action="erase", reason="sender_asked", confirm="on").status_code == 404
    assert correct(client, report, action="redact", phrase=MISSED, detail_type="person_name").status_code == 404
    assert Report.objects.filter(pk=report.pk, description=report.description).exists()


# --- erasing a demo report ------------------------------------------------------------------

SENTENCE = re.compile(r"[^.!?\n]{25,}[.!?]")


def own_words(report: Report) -> list[str]:
    """The report's sentences and quotes that no other report holds (the demo's texts are
    generated from templates: a sentence shared with another report stays, rightly)."""
    texts = [report.description, report.effects, report.proposed_action,
             *report.quoted_in.values_list("text", flat=True)]  # fmt: skip
    pieces = {piece.strip() for text in texts for piece in [*SENTENCE.findall(text or ""), text] if piece and len(piece.strip()) >= 25}
    others = Report.objects.exclude(pk=report.pk)
    return sorted(piece for piece in pieces
                  if not any(others.filter(**{f"{name}__icontains": piece}).exists()
                             for name in ("title", "description", "effects", "proposed_action")))  # fmt: skip


class NeverRuns:
    """A background recount that has not finished yet (however long the reader waits)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def start(self) -> None:
        pass


def test_erasing_a_cited_demo_report_leaves_nothing_and_recounts(make_user, data_dir, settings, monkeypatch,
                                                                  django_capture_on_commit_callbacks):  # fmt: skip
    from ilmio.indicators import aggregates
    from ilmio_demo.world import build_demo

    # As in production, a changed year is served from its earlier table while it is recounted
    # in the background: the erasure must drop that table itself.
    settings.AGGREGATES_SERVE_PREVIOUS = True
    monkeypatch.setattr(aggregates.threading, "Thread", NeverRuns)

    with django_capture_on_commit_callbacks(execute=True):
        build_demo(reports=900, with_statistics=False)
    this_month = timezone.localtime().strftime("%Y-%m")
    cited = (Report.objects.filter(county__code="15", quoted_in__summary__audience=Summary.Audience.PUBLIC,
                                   cited_in__isnull=False).distinct())  # fmt: skip
    report = next(r for r in cited if timezone.localtime(r.created_at).strftime("%Y-%m") < this_month and own_words(r))
    month = timezone.localtime(report.created_at).strftime("%Y-%m")
    needles = own_words(report)
    # The demo quotes template sentences many reports share: quote one of this report's own too,
    # as a coordinator would have before publishing (a revision records it; the PDFs show it).
    summary = Summary.objects.filter(quotes__report=report, audience=Summary.Audience.PUBLIC).first()
    with django_capture_on_commit_callbacks(execute=True):
        Quote.objects.create(summary=summary, report=report, text=needles[0], approved_for_public=True)
        record_revision(summary, SummaryRevision.Change.EDITED, by=None)
        loop.queue_pdfs(summary)
    counts = {s.pk: s.count for s in Statement.objects.filter(citations=report)}
    total_before = published("month").raw_cell(month, "county", "15").value
    insights.similar_reports(report)
    before = {needle[:40]: places_holding(needle, data_dir) for needle in needles}
    # Quoted, in a revision, in the public PDF, in the similarity index, besides the report itself.
    assert {"knowledge_quote", "knowledge_summaryrevision", "media", "index:15"} <= set(before[needles[0][:40]]), before

    client = logged_in(make_user(Role.COORDINATOR, username="erasing_coordinator"))
    with django_capture_on_commit_callbacks(execute=True):
        response = correct(client, report, action="erase", reason="identifying", confirm="on")
    assert response.status_code == 302 and response["Location"].endswith("/triage/")

    assert not Report.objects.filter(pk=report.pk).exists()
    left = {needle[:40]: places_holding(needle, data_dir) for needle in needles}
    assert not any(left.values()), left
    # Its id stays in the audit trail only: that it was sent, read, erased (by whom, why).
    assert set(places_holding(str(report.public_id), data_dir)) <= {"core_auditevent"}
    for pk, count in counts.items():
        assert Statement.objects.get(pk=pk).count == count - 1
    assert published("month").raw_cell(month, "county", "15").value == total_before - 1
    event = AuditEvent.objects.get(event_type=AuditEvent.Type.REPORT_ERASED)
    assert event.details["reason"] == "identifying" and event.details["summaries"] >= 1
