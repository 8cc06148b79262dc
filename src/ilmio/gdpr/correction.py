"""Correcting a report after the fact: redact a detail the engine missed, or erase the report.

A report's text is copied as the loop goes on: into its notes and status reasons, coded
passages, cases it belongs to, quotes, statements and summaries that cite it (their
revisions and rendered PDFs), proposals, decisions and actions that grew from those, the
similarity index and, once a coordinator confirmed its classification, the retrained
suggestion model. :data:`COPIES` names each copy once — the one list both corrections walk —
and ``tests/gdpr/test_report_copies.py`` checks that every redacted text field of every model
is either listed here or declared not to be derived from a report (:data:`OWN_TEXT`).

* :func:`redact_further` replaces every occurrence of a phrase (case-insensitive, spacing
  free) with the placeholder of the kind of detail it is, in every copy, in each copy's own
  language. The phrase must occur in the report itself, so the function cannot be used to
  rewrite other text of the county.
* :func:`erase_report` deletes the report and everything that exists only because of it
  (cascades), takes its quotes and citations out of summary revisions, recounts the
  statements that cited it, and re-renders the PDFs of every summary it reached.

Both are audited with codes and counts only, and both reset what holds words of the report
outside the database: the county's similarity index (rebuilt on next use), the suggestion
model retrained on confirmed reports (set back to the shipped one: retrain it again with
``ilmio retrain --activate``), and the cached tables of the report's year (recounted by the
next reader; the monthly counts are marked stale by the report's save or deletion).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilmio.analysis.insights import forget_county_index
from ilmio.analysis.models import CodedPassage, PhenomenonCase, StatusChange
from ilmio.core.audit import Event, record_event
from ilmio.indicators.aggregates import forget_published_year
from ilmio.knowledge.models import (
    Action,
    Decision,
    Milestone,
    Proposal,
    Quote,
    Statement,
    Summary,
    SummaryRevision,
)
from ilmio.knowledge.services import queue_pdfs
from ilmio.privacy import PLACEHOLDERS
from ilmio.privacy.core import PLACEHOLDER_RE
from ilmio.reports.classification import forget_trained_model, model_path
from ilmio.reports.models import Report, ReportNote

# The kinds of detail a coordinator may remove by hand: every kind the engine knows.
DETAIL_TYPES: tuple[str, ...] = tuple(PLACEHOLDERS["fi"])
DETAIL_LABELS: dict[str, Any] = {
    "person_name": _("Name"), "hetu": _("Personal identity code"), "phone": _("Phone number"),
    "email": _("E-mail address"), "address": _("Address"), "iban": _("Bank account number"),
    "birth_date": _("Date of birth"), "client_number": _("Client or case number"),
}  # fmt: skip
PHRASE_MIN, PHRASE_MAX = 2, 200


class ErasureReason(models.TextChoices):
    """Why a report was erased: a code for the audit trail (never free text)."""

    IDENTIFYING = "identifying", _("It identifies a person in a way that cannot be redacted")
    SENDER_ASKED = "sender_asked", _("Its sender asked for it to be erased")
    NOT_A_REPORT = "not_a_report", _("It is not a social report (sent by mistake or to the wrong county)")
    INAPPROPRIATE = "inappropriate", _("Inappropriate or unlawful content")


class CorrectionRefused(ValueError):
    """A correction that cannot be made; its message is shown to the coordinator."""


@dataclass(frozen=True)
class Copy:
    """One place a report's words are copied to: the rows, and their free-text fields."""

    kind: str
    rows: Callable[[Report], QuerySet[Any]]
    fields: tuple[str, ...]
    # The language a row's placeholders are written in (default: the report's).
    language: Callable[[Any], str] | None = None


def summaries_reached(report: Report) -> QuerySet[Summary]:
    """Summaries that cite or quote the report, or are made from a case it is in."""
    return Summary.objects.filter(Q(statements__citations=report) | Q(quotes__report=report)
                                  | Q(cases__reports=report)).distinct()  # fmt: skip


def _proposals(report: Report) -> QuerySet[Proposal]:
    return Proposal.objects.filter(Q(summary__in=summaries_reached(report)) | Q(case__reports=report)).distinct()


def _actions(report: Report) -> QuerySet[Action]:
    return Action.objects.filter(proposal__in=_proposals(report))


def _summary_language(row: Any) -> str:
    return str(row.language)


COPIES: tuple[Copy, ...] = (
    Copy("report", lambda r: Report.objects.filter(pk=r.pk), ("title", "description", "effects", "proposed_action")),
    Copy("notes", lambda r: ReportNote.objects.filter(report=r), ("text",)),
    Copy("status_reasons", lambda r: StatusChange.objects.filter(report=r), ("reason",)),
    Copy("passages", lambda r: CodedPassage.objects.filter(report=r), ("snippet",)),
    Copy("cases", lambda r: PhenomenonCase.objects.filter(reports=r), ("title", "description", "analysis_notes")),
    Copy("summaries", summaries_reached, ("title", "introduction", "narrative"), _summary_language),
    Copy("statements", lambda r: Statement.objects.filter(summary__in=summaries_reached(r)), ("text", "term"),
         lambda row: row.summary.language),
    Copy("quotes", lambda r: Quote.objects.filter(Q(report=r) | Q(summary__in=summaries_reached(r))), ("text",),
         lambda row: row.summary.language),
    Copy("revision_comments", lambda r: SummaryRevision.objects.filter(summary__in=summaries_reached(r)),
         ("comment",), lambda row: row.summary.language),
    Copy("proposals", _proposals, ("title", "text", "addressed_to_name")),
    Copy("decisions", lambda r: Decision.objects.filter(proposal__in=_proposals(r)), ("body", "rationale")),
    Copy("actions", _actions, ("title", "description", "owner", "progress_note")),
    Copy("milestones", lambda r: Milestone.objects.filter(action__in=_actions(r)), ("title",)),
)

# Redacted text fields that are never copied from a report ("app.Model.field"), and why:
# their writers type them themselves (plans, participation, sources, codebooks, shortcomings,
# filters, import settings), or they name a thing rather than quote one (code names).
OWN_TEXT: frozenset[str] = frozenset({
    "analysis.Code.name", "analysis.Code.description", "analysis.SignalReview.note", "analysis.SavedQueueFilter.name",
    "reports.ImportMapping.name", "reports.ImportRun.file_name",
})  # fmt: skip
OWN_TEXT_APPS: frozenset[str] = frozenset({"plans", "participation", "sources", "shortcomings"})


@dataclass
class CorrectionResult:
    """What a correction changed: occurrences or rows per kind of copy, summaries re-rendered."""

    changed: dict[str, int] = field(default_factory=dict)
    summaries: int = 0
    model_reset: bool = False

    @property
    def total(self) -> int:
        return sum(self.changed.values())


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """The phrase, case-insensitive, with any run of spaces matching any other."""
    words = phrase.split()
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


def _own_text(report: Report) -> list[str]:
    return [report.title, report.description, report.effects, report.proposed_action,
            *report.notes.values_list("text", flat=True)]  # fmt: skip


def _check_phrase(report: Report, phrase: str, detail_type: str) -> re.Pattern[str]:
    phrase = " ".join(phrase.split())
    if detail_type not in DETAIL_TYPES:
        raise CorrectionRefused(_("Choose what kind of detail the phrase is."))
    if not PHRASE_MIN <= len(phrase) <= PHRASE_MAX:
        raise CorrectionRefused(_("Give the detail to remove: %(min)d–%(max)d characters.")
                                % {"min": PHRASE_MIN, "max": PHRASE_MAX})  # fmt: skip
    if PLACEHOLDER_RE.search(phrase):
        raise CorrectionRefused(_("The phrase contains a placeholder of a detail already removed."))
    pattern = phrase_pattern(phrase)
    if not any(pattern.search(text or "") for text in _own_text(report)):
        raise CorrectionRefused(_("The phrase does not occur in this report's text."))
    return pattern


def _replace_in_content(value: Any, pattern: re.Pattern[str], placeholder: str) -> tuple[Any, int]:
    """A revision's JSON content with the phrase replaced in every string in it."""
    if isinstance(value, str):
        return pattern.subn(placeholder, value)
    if isinstance(value, list):
        pairs = [_replace_in_content(item, pattern, placeholder) for item in value]
        return [item for item, _n in pairs], sum(n for _item, n in pairs)
    if isinstance(value, dict):
        done = {key: _replace_in_content(item, pattern, placeholder) for key, item in value.items()}
        return {key: item for key, (item, _n) in done.items()}, sum(n for _item, n in done.values())
    return value, 0


def _reset_outside_copies(report: Report, summaries: Iterable[Summary]) -> CorrectionResult:
    """After the database change commits: PDFs re-rendered, indexes, model and cached tables reset."""
    result = CorrectionResult()
    for summary in summaries:
        queue_pdfs(summary)
        result.summaries += 1
    county_id = report.county_id
    year = timezone.localtime(report.created_at).year
    transaction.on_commit(lambda: forget_county_index(county_id))
    transaction.on_commit(lambda: forget_published_year(year))
    # The retrained model learned from confirmed reports only: another report left no words in it.
    if report.classification_confirmed_at is not None and model_path().exists():
        transaction.on_commit(forget_trained_model)
        result.model_reset = True
    return result


def _moved(offset: int, spans: list[tuple[int, int]], width: int, *, at_end: bool) -> int:
    """Where an offset into a text lands once each span is replaced by ``width`` characters
    (an offset inside a span goes to the edge of its placeholder)."""
    shift = 0
    for start, end in spans:
        if offset >= end:
            shift += width - (end - start)
        elif offset > start:
            return start + shift + (width if at_end else 0)
        else:
            break
    return offset + shift


def _move_passages(report: Report, spans: dict[str, list[tuple[int, int]]], width: int) -> None:
    """Coded passages point into the report's texts by offset: move them past the
    placeholders and take their snippets again from the corrected text."""
    for passage in CodedPassage.objects.filter(report=report):
        text, moved = getattr(report, passage.field) or "", spans.get(passage.field, [])
        if not moved:
            continue
        passage.start = _moved(passage.start, moved, width, at_end=False)
        passage.end = max(_moved(passage.end, moved, width, at_end=True), passage.start + 1)
        passage.snippet = text[passage.start:passage.end] or passage.snippet
        passage.save(update_fields=["start", "end", "snippet"])


def redact_further(report: Report, phrase: str, detail_type: str, *, by: Any) -> CorrectionResult:
    """Replace ``phrase`` by the placeholder of ``detail_type`` in the report and every copy."""
    pattern = _check_phrase(report, phrase, detail_type)
    changed: dict[str, int] = {}
    with transaction.atomic():
        summaries = list(summaries_reached(report))
        spans = {name: [m.span() for m in pattern.finditer(getattr(report, name) or "")]
                 for name in CodedPassage.Field.values}  # fmt: skip
        for copy in COPIES:
            for row in copy.rows(report):
                language = copy.language(row) if copy.language else report.language
                placeholder = PLACEHOLDERS.get(language, PLACEHOLDERS["fi"])[detail_type]
                updated = []
                for name in copy.fields:
                    new, count = pattern.subn(placeholder, getattr(row, name) or "")
                    if count:
                        setattr(row, name, new)
                        updated.append(name)
                        changed[copy.kind] = changed.get(copy.kind, 0) + count
                if updated:
                    row.save(update_fields=updated)
        for revision in SummaryRevision.objects.filter(summary__in=summaries).select_related("summary"):
            placeholder = PLACEHOLDERS.get(revision.summary.language, PLACEHOLDERS["fi"])[detail_type]
            content, count = _replace_in_content(revision.content, pattern, placeholder)
            if count:
                revision.content = content
                revision.save(update_fields=["content"])
                changed["revisions"] = changed.get("revisions", 0) + count
        report.refresh_from_db()
        _move_passages(report, spans, len(PLACEHOLDERS.get(report.language, PLACEHOLDERS["fi"])[detail_type]))
        removed = changed.get("report", 0) + changed.get("notes", 0)
        report.redaction_counts = {**report.redaction_counts,
                                   detail_type: int(report.redaction_counts.get(detail_type, 0)) + removed}  # fmt: skip
        # updated_at moves: the similarity index and every "changed since" reader see the change.
        report.save(update_fields=["redaction_counts", "updated_at"])
        result = _reset_outside_copies(report, summaries)
        result.changed = changed
        record_event(by, Event.REPORT_REDACTED, obj=report, type=detail_type, occurrences=result.total,
                     copies=len(changed), summaries=result.summaries, model_reset=result.model_reset)  # fmt: skip
    return result


def _without_report(content: dict[str, Any], public_id: str) -> tuple[dict[str, Any], bool]:
    """A revision's content without the report's quotes and citations."""
    quotes = [q for q in content.get("quotes", []) if q.get("report") != public_id]
    statements = []
    for statement in content.get("statements", []):
        citations = [c for c in statement.get("citations", []) if c != public_id]
        count = statement.get("count")
        if isinstance(count, int) and len(citations) < len(statement.get("citations", [])):
            count = max(count - 1, 0)
        statements.append({**statement, "citations": citations, "count": count})
    changed = quotes != content.get("quotes", []) or statements != content.get("statements", [])
    return {**content, "quotes": quotes, "statements": statements}, changed


def erase_report(report: Report, reason: str, *, by: Any) -> CorrectionResult:
    """Delete the report and what exists because of it; recount and re-render what cited it."""
    if reason not in ErasureReason.values:
        raise CorrectionRefused(_("Choose why the report is erased."))
    public_id = str(report.public_id)
    with transaction.atomic():
        summaries = list(summaries_reached(report))
        statements = list(Statement.objects.filter(citations=report))
        changed = {"notes": report.notes.count(), "passages": report.coded_passages.count(),
                   "quotes": report.quoted_in.count(), "citations": len(statements),
                   "cases": report.cases.count()}  # fmt: skip
        revisions = 0
        for revision in SummaryRevision.objects.filter(summary__in=summaries):
            content, was_changed = _without_report(revision.content or {}, public_id)
            if was_changed:
                revision.content = content
                revision.save(update_fields=["content"])
                revisions += 1
        changed["revisions"] = revisions
        # Audited before the row goes, so the event still names the report's id.
        record_event(by, Event.REPORT_ERASED, obj=report, reason=reason, summaries=len(summaries),
                     quotes=changed["quotes"], citations=changed["citations"])  # fmt: skip
        result = _reset_outside_copies(report, summaries)
        report.delete()
        # A citing statement counted the report (its count may cover more reports than it cites).
        for statement in statements:
            if statement.count:
                statement.count -= 1
                statement.save(update_fields=["count"])
        result.changed = {kind: n for kind, n in changed.items() if n}
    return result
