"""A plan as plain text (for the diff between versions) and a monitoring report as
sections in one language — the same sections on the page, in the PDF and in the DOCX."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ilmio.core.pdf import html_to_pdf
from ilmio.indicators.disclosure import HIDDEN
from ilmio.knowledge.models import Decision, FollowUp, Summary
from ilmio.plans.models import (
    ACTIONS_DONE,
    ACTIONS_OVERDUE,
    NO_DECISION_YET,
    UNCLASSIFIED,
    MonitoringReport,
    Plan,
    YearMeasure,
    YearPlan,
)
from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon, ServiceArea


def plan_text(plan: Plan) -> str:
    """Every part of a plan version as lines of text, in a stable order."""
    lines = [f"# {plan.title}", f"{plan.term_start}–{plan.term_end}", "", "## " + _("Main goal"), plan.main_goal, "",
             "## " + _("Objectives")]  # fmt: skip
    lines += [f"{i}. {o.text}" for i, o in enumerate(plan.objectives.all(), start=1)]
    for area in plan.areas.prefetch_related("measures"):
        lines += ["", f"## {area.name}", area.description]
        for m in area.measures.all():
            lines.append(f"{area.name} {m.number}: {m.description} — {_('Owner')}: {m.owner} — "
                         f"{_('Indicators')}: {m.indicators}")  # fmt: skip
    lines += ["", "## " + _("Actors")] + [f"{a.name}: {a.duties}" for a in plan.actors.all()]
    lines += ["", "## " + _("Communication plan")]
    lines += [f"{r.audience}: {r.goals} — {r.channels}" for r in plan.communication.all()]
    return "\n".join(lines)


def plan_diff(plan: Plan) -> list[str]:
    """What changed from the previous version (unified diff lines; empty for version 1)."""
    if plan.previous is None:
        return []
    before, after = plan_text(plan.previous).splitlines(), plan_text(plan).splitlines()
    return list(difflib.unified_diff(before, after, f"v{plan.previous.version}", f"v{plan.version}", lineterm=""))


@dataclass
class Section:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    total: str = ""
    note: str = ""


def _shown(value: Any) -> str:
    return HIDDEN if value is None else str(value)


def _choices(choices: list[tuple[str, Any]]) -> dict[str, str]:
    return {code: str(label) for code, label in choices}


def _labels(section: str) -> dict[str, str]:
    common = {UNCLASSIFIED: _("Not classified")}
    if section == "channels":
        return _choices(Report.Channel.choices)
    if section == "phenomena":
        return {**common, **{p.code: p.label for p in Phenomenon.objects.all()}}
    if section == "service_areas":
        return {**common, **{a.code: a.label for a in ServiceArea.objects.all()}}
    if section == "summaries":
        return _choices(Summary.Audience.choices)
    if section == "proposals":
        return {**_choices(Decision.Outcome.choices), NO_DECISION_YET: _("No decision yet")}
    if section == "actions":
        return {ACTIONS_DONE: _("Completed in the year"), ACTIONS_OVERDUE: _("Overdue at the end of the year")}
    return _choices(FollowUp.Answer.choices)


def section_titles() -> list[tuple[str, str]]:
    return [
        ("channels", _("Reports received by channel")),
        ("phenomena", _("Reports received by phenomenon")),
        ("service_areas", _("Reports received by service area")),
        ("summaries", _("Summaries published, by audience")),
        ("proposals", _("Proposals made and their decisions")),
        ("actions", _("Actions")),
        ("follow_ups", _("Follow-up answers: did things change?")),
    ]


def report_sections(report: MonitoringReport) -> list[Section]:
    """The report's figures as sections, in the active language."""
    sections = []
    for key, title in section_titles():
        data = report.figures.get(key, {"cells": {}, "total": 0})
        labels = _labels(key)
        rows = [(str(labels.get(code, code)), _shown(value)) for code, value in data.get("cells", {}).items()]
        sections.append(Section(title, rows, _shown(data.get("total"))))
    not_yet = _("Not recorded in Ilmiö yet.")
    sections.append(Section(_("Workshops and listening rounds, and their participants"), note=not_yet))
    sections.append(Section(_("Shortcomings and their correction times"), note=not_yet))
    return sections


def year_measures(report: MonitoringReport) -> list[YearMeasure]:
    year_plan = YearPlan.objects.filter(county=report.county, year=report.year).first()
    return list(year_plan.measures.all()) if year_plan else []


def report_context(report: MonitoringReport, language: str) -> dict[str, Any]:
    with translation.override(language):
        return {"report": report, "sections": report_sections(report), "measures": year_measures(report),
                "language": language}  # fmt: skip


def report_pdf(report: MonitoringReport, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string("plans/report_print.html", report_context(report, language))
    return html_to_pdf(html)


def report_docx(report: MonitoringReport, language: str) -> bytes:
    from docx import Document

    with translation.override(language):
        context = report_context(report, language)
        document = Document()
        document.core_properties.language = language
        document.add_heading(_("Annual monitoring report %(year)s") % {"year": report.year}, level=0)
        document.add_paragraph(str(report.county))
        for section in context["sections"]:
            document.add_heading(section.title, level=1)
            if section.note:
                document.add_paragraph(section.note)
                continue
            table = document.add_table(rows=1, cols=2)
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = _("Item"), _("Count")
            for label, value in [*section.rows, (_("Total"), section.total)]:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = label, value
        document.add_heading(_("Measures of the yearly plan"), level=1)
        for m in context["measures"]:
            document.add_paragraph(f"{m.measure} — {m.responsible} — {m.status_label}", style="List Bullet")
        if not context["measures"]:
            document.add_paragraph(_("No yearly plan for this year."))
        document.add_heading(_("Evaluation"), level=1)
        document.add_paragraph(report.evaluation or _("Not written yet."))
        document.add_paragraph(_("A dash (–) marks a number hidden to protect privacy."))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass
class Trend:
    """One section over the years of a term: a row per item, a value per year."""

    title: str
    rows: list[tuple[str, list[str]]]
    totals: list[str]


def term_trends(reports: list[MonitoringReport]) -> list[Trend]:
    """The figures of each year's report side by side (as each report let them out)."""
    trends = []
    for key, title in section_titles():
        labels = _labels(key)
        sections = [report.figures.get(key, {"cells": {}, "total": 0}) for report in reports]
        codes = list(dict.fromkeys(code for section in sections for code in section.get("cells", {})))
        rows = [(str(labels.get(code, code)), [_shown(s.get("cells", {}).get(code)) if code in s.get("cells", {})
                                               else HIDDEN for s in sections]) for code in codes]  # fmt: skip
        trends.append(Trend(title, rows, [_shown(s.get("total")) for s in sections]))
    return trends
