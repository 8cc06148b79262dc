"""What each audience sees of a summary, in the reader's language.

* ``internal`` (readers of the county's report texts): exact counts, citations, all quotes.
* ``decision_makers``: counts as the published month tables show them (the disclosure
  door), all quotes, no citations.
* ``public``: the same counts, only quotes approved one by one.

Generated statements are stored as structure (kind, phenomenon, term, count) and worded
here when shown, in the summary's own language, so no count hides in free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ilmio.core.formats import date_range, format_count
from ilmio.indicators.disclosure import ALL, Shown, report_count, tally
from ilmio.knowledge.models import Quote, Statement, Summary

INTERNAL = Summary.Audience.INTERNAL
# Digits that are not a count: years and dates (1.2.2026, 2026-02-01).
_NOT_A_COUNT = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b|\b(?:19|20)\d{2}(?:-\d{2}){0,2}\b")


@dataclass
class ShownStatement:
    statement: Statement
    text: str
    count: Shown | None
    citations: bool  # the reader may follow the cited reports


def _area(summary: Summary) -> tuple[str, list[str]]:
    codes = [m.code for m in summary.municipalities.all()]
    return ("municipality", codes) if codes else ("county", [summary.county.code])


def _published_count(summary: Summary, statement: Statement) -> Shown:
    level, codes = _area(summary)
    if statement.kind == Statement.Kind.PHENOMENON and statement.phenomenon is not None:
        phenomena = [statement.phenomenon.code]
    elif statement.kind == Statement.Kind.TOTAL:
        phenomena = [p.code for p in summary.phenomena.all()] or [ALL]
    else:
        return Shown(None)  # themes are no cell of the month tables
    return report_count(level=level, codes=codes, phenomena=phenomena,
                        start=summary.period_start, end=summary.period_end)  # fmt: skip


# Counted beside the reports, hidden when small for every audience (the internal one too):
# a notifier or a complainant could be told apart by a small number.
ONE_CELL_KINDS = (Statement.Kind.SHORTCOMINGS, Statement.Kind.FEEDBACK)
NO_REPORTS_CITED = (*ONE_CELL_KINDS, Statement.Kind.FINDING)


def _one_cell_count(statement: Statement) -> Shown:
    cells, _total = tally({"count": statement.count or 0})
    return cells["count"]


def wording(summary: Summary, statement: Statement, count: Shown | None) -> str:
    """A generated statement in the active language: the count as the reader may see it."""
    value = count.value if count is not None else None
    shown = format_count(value)
    period = date_range(summary.period_start, summary.period_end)
    if statement.kind == Statement.Kind.TOTAL:
        if value is None:
            return _("Reports in %(period)s: –.") % {"period": period}
        return ngettext("%(count)s report in %(period)s.", "%(count)s reports in %(period)s.",
                        value) % {"period": period, "count": shown}  # fmt: skip
    if statement.kind == Statement.Kind.PHENOMENON:
        label = statement.phenomenon.label if statement.phenomenon else _("Unclassified")
        if value is None:
            return _("%(phenomenon)s: –.") % {"phenomenon": label}
        return ngettext("%(phenomenon)s: %(count)s report.", "%(phenomenon)s: %(count)s reports.",
                        value) % {"phenomenon": label, "count": shown}  # fmt: skip
    if statement.kind == Statement.Kind.SHORTCOMINGS:
        if value is None:
            return _("Notifications of shortcomings on these phenomena in %(period)s: –.") % {"period": period}
        return ngettext("%(count)s notification of a shortcoming on these phenomena in %(period)s.",
                        "%(count)s notifications of shortcomings on these phenomena in %(period)s.",
                        value) % {"period": period, "count": shown}  # fmt: skip
    if statement.kind == Statement.Kind.FEEDBACK:
        if value is None:
            return _("Client feedback, reminders and complaints on these phenomena in %(period)s: –.") % {"period": period}
        return ngettext("%(count)s piece of client feedback, reminder or complaint on these phenomena in %(period)s.",
                        "%(count)s pieces of client feedback, reminders and complaints on these phenomena in %(period)s.",
                        value) % {"period": period, "count": shown}  # fmt: skip
    if statement.kind == Statement.Kind.FINDING:
        return finding_wording(statement)
    if statement.kind == Statement.Kind.THEME:
        if value is None:
            return _("Recurring theme: “%(term)s”.") % {"term": statement.term}
        return ngettext("Recurring theme: “%(term)s” (%(count)s report).", "Recurring theme: “%(term)s” (%(count)s reports).",
                        value) % {"term": statement.term, "count": shown}  # fmt: skip
    return statement.text


def finding_wording(statement: Statement) -> str:
    """A cited finding with its source (title, kind, year); empty once the finding is gone."""
    finding = statement.finding
    if finding is None:
        return ""
    document = finding.document
    return _("%(finding)s (Source: %(title)s, %(kind)s %(year)s.)") % {
        "finding": finding.text, "title": document.title, "kind": document.get_kind_display(), "year": document.year}


def shows_exact_counts(audience: str) -> bool:
    """Only the internal version has exact counts; every other one, published cells."""
    return audience == INTERNAL


def audience_version(summary: Summary, audience: str) -> dict[str, Any]:
    """What a page or PDF of ``summary`` shows to ``audience``: one place for every channel."""
    return {"summary": summary, "statements": shown_statements(summary, audience),
            "quotes": shown_quotes(summary, audience), "exact_counts": shows_exact_counts(audience)}  # fmt: skip


def shown_statements(summary: Summary, audience: str) -> list[ShownStatement]:
    exact = shows_exact_counts(audience)
    shown = []
    for statement in summary.statements.select_related("phenomenon", "finding__document").prefetch_related("citations"):
        if statement.kind == Statement.Kind.FINDING and not (statement.finding and statement.finding.document.published):
            continue  # its document was withdrawn from publication (or the finding deleted)
        count: Shown | None = None
        if statement.kind in ONE_CELL_KINDS:
            # Who notified or complained is protected: even the internal version shows the suppressed count.
            count = _one_cell_count(statement)
        elif statement.kind not in (Statement.Kind.TEXT, Statement.Kind.FINDING):
            count = Shown(statement.count) if exact else _published_count(summary, statement)
        # The summary's content is in its own language, whatever the reader's interface.
        with translation.override(summary.language or None):
            text = wording(summary, statement, count)
        cites = exact and statement.kind not in NO_REPORTS_CITED
        shown.append(ShownStatement(statement, text, count, cites))
    return shown


def shown_quotes(summary: Summary, audience: str) -> list[Quote]:
    quotes = summary.quotes.select_related("report")
    if audience == Summary.Audience.PUBLIC:
        quotes = quotes.filter(approved_for_public=True)
    return list(quotes)


def counts_in_text(summary: Summary) -> list[str]:
    """Written parts of a summary that contain digits other than years and dates: they
    must become count statements before the summary leaves the county's staff."""
    found = []
    texts = [(_("title"), summary.title), (_("introduction"), summary.introduction), (_("narrative"), summary.narrative)]
    texts += [(_("statement %(n)s") % {"n": i}, s.text)
              for i, s in enumerate(summary.statements.all(), start=1) if s.kind == Statement.Kind.TEXT]  # fmt: skip
    for where, text in texts:
        if re.search(r"\d", _NOT_A_COUNT.sub("", text or "")):
            found.append(str(where))
    return found


def as_markdown(summary: Summary, audience: str) -> str:
    """The audience's version as Markdown, from the one content model of every output."""
    from ilmio.knowledge.documents import as_markdown as document_markdown
    from ilmio.knowledge.documents import summary_document

    return document_markdown(summary_document(summary, audience))
