"""A summary's history: a snapshot of its content at every step, and what changed between two.

Each write of a summary (drafted, edited, sent for approval, returned, approved, published)
records a :class:`~ilmio.knowledge.models.SummaryRevision` holding :func:`snapshot` — the
title, introduction, narrative, statements (structure, text and the cited reports' ids)
and quotes. :func:`diff` compares two snapshots for the page's "what changed" view:
word-level for texts, and statements and quotes added, removed or changed. Only stored
(already redacted) texts go into a snapshot.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ilmio.knowledge.models import Statement, Summary, SummaryRevision
from ilmio.taxonomy.models import Phenomenon

Content = dict[str, Any]

# What happened to a part of the summary between two revisions.
ADDED, REMOVED, CHANGED = "added", "removed", "changed"
# Word-level pieces of a changed text: kept, taken out, put in.
KEPT, DELETED, INSERTED = "kept", "deleted", "inserted"


def snapshot(summary: Summary) -> Content:
    """The summary's content now, as stored in a revision (JSON: ids, codes, texts)."""
    statements = [{
        "id": s.pk, "kind": s.kind, "term": s.term, "count": s.count,
        # A cited finding's text as it was cited (its document may later change).
        "text": s.finding.text if s.kind == Statement.Kind.FINDING and s.finding else s.text,
        "phenomenon": s.phenomenon.code if s.phenomenon else "",
        "citations": sorted(str(r.public_id) for r in s.citations.all()),
    } for s in summary.statements.select_related("phenomenon", "finding").prefetch_related("citations").order_by("position", "pk")]  # fmt: skip
    quotes = [{"id": q.pk, "report": str(q.report.public_id), "text": q.text, "public": q.approved_for_public}
              for q in summary.quotes.select_related("report").order_by("pk")]  # fmt: skip
    return {"title": summary.title, "introduction": summary.introduction, "narrative": summary.narrative,
            "statements": statements, "quotes": quotes}  # fmt: skip


def record_revision(summary: Summary, change: str, *, by: Any, comment: str = "") -> SummaryRevision:
    """Record the summary as it stands after ``change``, numbered after the last revision."""
    if change not in SummaryRevision.Change.values:
        raise ValueError(f"unknown change {change!r}")
    with transaction.atomic():
        # Locking the summary's row serialises numbering (PostgreSQL); the unique
        # (summary, number) constraint refuses a duplicate anywhere else.
        Summary.objects.select_for_update().filter(pk=summary.pk).values_list("pk", flat=True).first()
        last = summary.revisions.aggregate(last=Max("number"))["last"] or 0
        return SummaryRevision.objects.create(
            summary=summary, number=last + 1, change=change, comment=comment.strip(), content=snapshot(summary),
            by=by if getattr(by, "is_authenticated", False) else None,
        )  # fmt: skip


def review_baseline(summary: Summary) -> SummaryRevision | None:
    """The revision the last review saw: the last one sent for approval or returned. While
    the summary waits for approval again, its own new submission is skipped, so the approver
    sees what changed since they returned it (or since the previous submission)."""
    reviews = list(summary.revisions.filter(change__in=[SummaryRevision.Change.SUBMITTED, SummaryRevision.Change.RETURNED])
                   .order_by("-number")[:2])  # fmt: skip
    if reviews and summary.can_return and reviews[0].change == SummaryRevision.Change.SUBMITTED:
        reviews = reviews[1:]
    return reviews[0] if reviews else None


def last_return(summary: Summary) -> SummaryRevision | None:
    """The return for changes the writer has not answered yet (none once sent again)."""
    latest = (summary.revisions.filter(change__in=[SummaryRevision.Change.SUBMITTED, SummaryRevision.Change.RETURNED])
              .select_related("by").order_by("-number").first())  # fmt: skip
    return latest if latest is not None and latest.change == SummaryRevision.Change.RETURNED else None


# --- differences ------------------------------------------------------------------------


@dataclass
class Difference:
    """One change between two revisions, readable in the UI."""

    what: str  # the part: "Title", "Statement 3" … (translated)
    change: str  # ADDED, REMOVED or CHANGED
    before: str = ""
    after: str = ""
    # A changed text word by word: (KEPT | DELETED | INSERTED, words).
    words: list[tuple[str, str]] = field(default_factory=list)
    # Further changes in plain words, e.g. the number of cited reports.
    notes: list[str] = field(default_factory=list)

    @property
    def is_added(self) -> bool:
        return self.change == ADDED

    @property
    def is_removed(self) -> bool:
        return self.change == REMOVED


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """``before`` → ``after`` as kept, deleted and inserted runs of words."""
    old, new = before.split(), after.split()
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append((KEPT, " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append((DELETED, " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append((INSERTED, " ".join(new[j1:j2])))
    return pieces


def _content(item: SummaryRevision | Content | None) -> Content:
    if item is None:
        return {}
    return item.content if isinstance(item, SummaryRevision) else item


def describe_statement(item: dict[str, Any], phenomena: dict[str, str]) -> str:
    """A statement in words: a written one by its text, a generated one by what it counts."""
    kind = item.get("kind", Statement.Kind.TEXT)
    if kind == Statement.Kind.PHENOMENON:
        return _("Reports on a phenomenon: %(phenomenon)s") % {"phenomenon": phenomena.get(item.get("phenomenon", ""), "–")}
    if kind == Statement.Kind.THEME:
        return _("Recurring theme: “%(term)s”") % {"term": item.get("term", "")}
    if kind in (Statement.Kind.TOTAL, Statement.Kind.SHORTCOMINGS, Statement.Kind.FEEDBACK):
        return str(Statement.Kind(kind).label)
    return str(item.get("text", ""))


def _cited_note(before: list[str], after: list[str]) -> list[str]:
    added, removed = len(set(after) - set(before)), len(set(before) - set(after))
    if not added and not removed:
        return []
    return [_("Cited reports: %(added)s added, %(removed)s removed (now %(total)s).")
            % {"added": added, "removed": removed, "total": len(after)}]  # fmt: skip


def _text_change(what: str, before: str, after: str) -> Difference | None:
    if before == after:
        return None
    if not before:
        return Difference(what, ADDED, after=after)
    if not after:
        return Difference(what, REMOVED, before=before)
    return Difference(what, CHANGED, before, after, word_diff(before, after))


def diff(older: SummaryRevision | Content | None, newer: SummaryRevision | Content) -> list[Difference]:
    """What changed from ``older`` to ``newer`` (revisions or snapshots), in page order."""
    old, new = _content(older), _content(newer)
    changes: list[Difference] = []
    for key, label in (("title", _("Title")), ("introduction", _("Introduction")), ("narrative", _("Narrative"))):
        change = _text_change(label, str(old.get(key, "")), str(new.get(key, "")))
        if change:
            changes.append(change)

    old_statements = {s["id"]: s for s in old.get("statements", [])}
    new_statements = {s["id"]: s for s in new.get("statements", [])}
    codes = {s.get("phenomenon") for s in [*old_statements.values(), *new_statements.values()]} - {"", None}
    phenomena = {p.code: str(p.label) for p in Phenomenon.objects.filter(code__in=codes)}
    for number, item in enumerate(new.get("statements", []), start=1):
        what = _("Statement %(number)s") % {"number": number}
        before = old_statements.get(item["id"])
        if before is None:
            changes.append(Difference(what, ADDED, after=describe_statement(item, phenomena),
                                      notes=_cited_note([], item.get("citations", []))))  # fmt: skip
            continue
        old_text, new_text = describe_statement(before, phenomena), describe_statement(item, phenomena)
        notes = _cited_note(before.get("citations", []), item.get("citations", []))
        if old_text != new_text or notes:
            words = word_diff(old_text, new_text) if old_text != new_text else []
            changes.append(Difference(what, CHANGED, old_text, new_text, words, notes))
    for item in old.get("statements", []):
        if item["id"] not in new_statements:
            changes.append(Difference(_("Removed statement"), REMOVED, before=describe_statement(item, phenomena)))

    old_quotes = {q["id"]: q for q in old.get("quotes", [])}
    new_quotes = {q["id"]: q for q in new.get("quotes", [])}
    for item in new.get("quotes", []):
        before = old_quotes.get(item["id"])
        if before is None:
            changes.append(Difference(_("Quote"), ADDED, after=item.get("text", "")))
        elif before.get("text") != item.get("text") or before.get("public") != item.get("public"):
            notes = [] if before.get("public") == item.get("public") else [
                _("Shown in the public version.") if item.get("public") else _("Not shown in the public version.")]
            words = word_diff(before.get("text", ""), item.get("text", "")) if before.get("text") != item.get("text") else []
            changes.append(Difference(_("Quote"), CHANGED, before.get("text", ""), item.get("text", ""), words, notes))
    for item in old.get("quotes", []):
        if item["id"] not in new_quotes:
            changes.append(Difference(_("Quote"), REMOVED, before=item.get("text", "")))
    return changes
