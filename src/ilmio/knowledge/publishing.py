"""What each audience sees of a summary. The public sees suppressed counts only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings

from ilmio.knowledge.models import Quote, Statement, Summary
from ilmio.stats.suppression import Constraint, suppress

HIDDEN = "–"


@dataclass
class ShownStatement:
    text: str
    statement: Statement


def public_statements(summary: Summary) -> list[ShownStatement]:
    """Statements with every count passed through the suppression rule.

    The first statement is the total and the phenomenon statements add up to it (with the
    unclassified rest as a hidden part), so complementary suppression covers them together.
    """
    statements = list(summary.statements.all())
    values: dict[object, int] = {}
    parts: list[object] = []
    for statement in statements:
        if statement.count is not None:
            values[statement.pk] = statement.count
    constraints: list[Constraint] = []
    if statements and statements[0].count is not None:
        phenomenon_statements = [s for s in statements[1:] if s.count is not None and not s.text.startswith("Recurring")]
        parts = [s.pk for s in phenomenon_statements]
        rest = statements[0].count - sum(s.count or 0 for s in phenomenon_statements)
        if rest >= 0:
            values["rest"] = rest
            constraints.append(Constraint(statements[0].pk, (*parts, "rest")))
    cells = suppress(values, constraints, threshold=settings.SUPPRESSION_THRESHOLD, distinguishable=False).cells if values else {}
    shown = []
    for statement in statements:
        text = statement.text
        cell = cells.get(statement.pk)
        if cell is not None and cell.suppressed:
            text = re.sub(rf"\b{statement.count}\b", HIDDEN, text)
        shown.append(ShownStatement(text, statement))
    return shown


def public_quotes(summary: Summary) -> list[Quote]:
    return list(summary.quotes.filter(approved_for_public=True))


def as_markdown(summary: Summary, *, public: bool) -> str:
    lines = [f"# {summary.title}", "", f"{summary.period_start:%d.%m.%Y}–{summary.period_end:%d.%m.%Y}", ""]
    if summary.introduction:
        lines += [summary.introduction, ""]
    statements = public_statements(summary) if public else [ShownStatement(s.text, s) for s in summary.statements.all()]
    lines += [f"- {s.text}" for s in statements]
    quotes = public_quotes(summary) if public else list(summary.quotes.all())
    if quotes:
        lines += [""] + [f"> {q.text}\n" for q in quotes]
    return "\n".join(lines).rstrip() + "\n"
