"""One content model for every output of a summary: PDF, DOCX, Markdown, blog and media
release. Built once per audience from ``publishing`` (so counts come from the disclosure
door in every version but the internal one) and always in the summary's own language."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import translation
from django.utils.translation import gettext as _

from ilmio.core.formats import HIDDEN, date_range, format_count, short_date
from ilmio.indicators.disclosure import Shown
from ilmio.knowledge.models import Statement, Summary
from ilmio.knowledge.publishing import shown_quotes, shown_statements, shows_exact_counts

BLOG_MIN, BLOG_MAX = 2200, 3400


@dataclass
class ChartBar:
    label: str
    value: str  # formatted, or the dash when hidden
    hidden: bool
    percent: float


@dataclass
class SummaryDocument:
    title: str
    county: str
    period: str
    audience: str
    audience_mark: str
    language: str
    introduction: str
    narrative: str
    statements: list[str]
    chart_title: str
    chart: list[ChartBar]
    quotes: list[str]
    approver: str
    approved: str
    published: str
    footnote: str
    exact_counts: bool
    citations: list[int] = field(default_factory=list)  # cited reports per statement, internal only

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in re.split(r"\n\s*\n", self.narrative) if p.strip()]


def audience_mark(audience: str) -> str:
    marks = {
        str(Summary.Audience.DECISION_MAKERS): _("For decision-makers"),
        str(Summary.Audience.PUBLIC): _("Public"),
    }
    return marks.get(audience, _("Internal"))


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return short_date(value)


def _chart(statements: list[tuple[Statement, Shown | None]]) -> list[ChartBar]:
    """Reports per phenomenon, as the statements of this version show them: a hidden
    count has no bar, never a guess."""
    rows = [(s.phenomenon.label if s.phenomenon else _("Unclassified"), count) for s, count in statements
            if s.kind == Statement.Kind.PHENOMENON and count is not None]  # fmt: skip
    maximum = max([c.value or 0 for _label, c in rows] + [1])
    return [ChartBar(label, format_count(c.value), c.hidden, 0 if c.hidden else round(100 * (c.value or 0) / maximum, 1))
            for label, c in rows]  # fmt: skip


def summary_document(summary: Summary, audience: str) -> SummaryDocument:
    with translation.override(summary.language or "fi"):
        return _build(summary, audience)


def _build(summary: Summary, audience: str) -> SummaryDocument:
    exact = shows_exact_counts(audience)
    shown = shown_statements(summary, audience)
    approver = ""
    if summary.approved_by is not None:
        approver = summary.approved_by.get_full_name() or summary.approved_by.get_username()
    return SummaryDocument(
        title=summary.title, county=str(summary.county),
        period=date_range(summary.period_start, summary.period_end),
        audience=audience, audience_mark=audience_mark(audience), language=summary.language or "fi",
        introduction=summary.introduction, narrative=summary.narrative,
        statements=[s.text for s in shown], chart_title=_("Reports per phenomenon"),
        chart=_chart([(s.statement, s.count) for s in shown]),
        quotes=[q.text for q in shown_quotes(summary, audience)],
        approver=approver, approved=_day(summary.approved_at), published=_day(summary.published_at),
        footnote="" if exact else _("A dash (–) marks a number hidden to protect privacy."),
        exact_counts=exact,
        citations=[s.statement.citations.count() for s in shown] if exact else [],
    )  # fmt: skip


def _meta_lines(doc: SummaryDocument) -> list[str]:
    lines = [f"{doc.county} · {doc.period} · {doc.audience_mark}"]
    if doc.approver:
        lines.append(
            _("Approved by %(name)s on %(date)s")
            % {"name": doc.approver, "date": doc.approved or "–"}
        )
    if doc.published:
        lines.append(_("Published %(date)s") % {"date": doc.published})
    return lines


def as_markdown(doc: SummaryDocument) -> str:
    with translation.override(doc.language):
        lines = [f"# {doc.title}", "", *[f"{line}  " for line in _meta_lines(doc)], ""]
        if doc.introduction:
            lines += [doc.introduction, ""]
        lines += [*[f"{p}\n" for p in doc.paragraphs]]
        if doc.statements:
            lines += ["## " + _("What was seen"), "", *[f"- {s}" for s in doc.statements], ""]
        if doc.chart:
            lines += [
                f"## {doc.chart_title}",
                "",
                "| " + _("Phenomenon") + " | " + _("Reports") + " |",
                "|---|---:|",
            ]
            lines += [f"| {bar.label} | {bar.value} |" for bar in doc.chart] + [""]
        if doc.quotes:
            lines += ["## " + _("Quotes"), "", *[f"> {q}\n" for q in doc.quotes]]
        if doc.footnote:
            lines += [doc.footnote]
    return "\n".join(lines).rstrip() + "\n"


def as_docx(doc: SummaryDocument) -> bytes:
    from docx import Document

    with translation.override(doc.language):
        document = Document()
        document.core_properties.language = doc.language
        document.core_properties.title = doc.title
        document.sections[0].header.paragraphs[0].text = f"{doc.audience_mark} · {doc.county}"
        document.add_heading(doc.title, level=0)
        for line in _meta_lines(doc):
            document.add_paragraph(line)
        if doc.introduction:
            document.add_paragraph(doc.introduction)
        for paragraph in doc.paragraphs:
            document.add_paragraph(paragraph)
        if doc.statements:
            document.add_heading(_("What was seen"), level=1)
            for statement in doc.statements:
                document.add_paragraph(statement, style="List Bullet")
        if doc.chart:
            document.add_heading(doc.chart_title, level=1)
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = _("Phenomenon"), _("Reports")
            for bar in doc.chart:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = bar.label, bar.value
        if doc.quotes:
            document.add_heading(_("Quotes"), level=1)
            for quote in doc.quotes:
                document.add_paragraph(quote, style="Intense Quote")
        if doc.footnote:
            document.add_paragraph(doc.footnote)
        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()


def _trim(text: str, maximum: int) -> str:
    """Cut at the last sentence end before ``maximum``."""
    if len(text) <= maximum:
        return text
    cut = text[:maximum]
    ends = [m.end() for m in re.finditer(r"[.!?…”»](?=\s)|[.!?]$", cut)]
    return cut[: ends[-1]].rstrip() if ends else cut.rsplit(" ", 1)[0]


def _seen(doc: SummaryDocument) -> str:
    parts = doc.paragraphs or ([doc.introduction] if doc.introduction else [])
    parts += doc.statements
    return "\n\n".join(parts)


def blog_draft(doc: SummaryDocument) -> str:
    """A plain-language blog post of BLOG_MIN–BLOG_MAX characters: the core sections first,
    background sections added (in order of use to the reader) until it is long enough."""
    with translation.override(doc.language):
        head = [
            f"# {doc.title}",
            _(
                "Social workers in %(county)s see every day how the conditions of people's lives shape the help "
                "they need. In structural social work they write down what they see, so that the observations "
                "reach those who plan services and make decisions. This post tells what the observations of "
                "%(period)s showed."
            )
            % {"county": doc.county, "period": doc.period},
        ]
        seen = [
            "## " + _("What was seen"),
            _seen(doc)
            or _(
                "The observations of this period did not yet form clear themes. They are kept and read "
                "together with the next period's observations."
            ),
        ]
        quotes = []
        if doc.quotes:
            quotes = [
                "## " + _("In the words of social workers"),
                *[f"> {q}" for q in doc.quotes[:2]],
            ]
        next_steps = [
            "## " + _("What happens next"),
            _(
                "The summary goes to the people who plan services and make decisions in the wellbeing services "
                "county. They are asked to answer what they will do about it, and their answer is reported back "
                "to the social workers who made the observations. In this way the knowledge gathered in client "
                "work does not stay in the client work."
            ),
        ]
        more = [
            "## " + _("Read more"),
            _(
                "The whole summary, with its figures, can be read on the public pages of Ilmiö for %(county)s. "
                "The situational picture there shows the reports by month and by phenomenon."
            )
            % {"county": doc.county},
        ]
        background = [
            [
                "## " + _("What is structural social work?"),
                _(
                    "Structural social work means bringing the knowledge of social work to the planning of services "
                    "and to decision-making. Social workers see early how, for example, housing, income, services "
                    "and the way they are organised affect people's lives. When these observations are collected "
                    "and analysed together, they show phenomena that a single client meeting does not reveal."
                ),
            ],
            [
                "## " + _("How privacy is protected"),
                _(
                    "No one can be recognised from the observations. Names, addresses and other identifying "
                    "details are removed before anyone else reads the text, and small numbers are not shown: a "
                    "dash (–) marks a number hidden to protect privacy. Quotes are published only after they have "
                    "been approved one by one."
                ),
            ],
            [
                "## " + _("Why this matters"),
                _(
                    "Decisions are better when they rest on knowledge of how people actually live. Statistics tell "
                    "how many; the observations of social workers tell why and how. Together they help to direct "
                    "resources to where they prevent problems from growing, and to notice early when a change in "
                    "services has effects nobody intended."
                ),
            ],
            [
                "## " + _("Take part"),
                _(
                    "If you work in social services, you can write your own observations in Ilmiö. If you are a "
                    "resident or an organisation, you can tell what you have noticed through the public form. "
                    "Every observation is read, and together they become knowledge that is passed on."
                ),
            ],
        ]
        sections = [head, seen, quotes, next_steps, more]
        text = _join(sections)
        for extra in background:
            if len(text) >= BLOG_MIN:
                break
            sections.insert(-2, extra)
            text = _join(sections)
    return _trim(text, BLOG_MAX) + "\n"


def _join(sections: list[list[str]]) -> str:
    return "\n\n".join(part for section in sections for part in section if part)


def release_draft(doc: SummaryDocument) -> str:
    """A media-release draft: headline, lead, body, a quote and a contact line."""
    with translation.override(doc.language):
        lead = _(
            "Social workers in %(county)s have summarised what they saw in their client work in %(period)s. "
            "The summary is passed on to the people who plan services and make decisions."
        ) % {"county": doc.county, "period": doc.period}
        body = _seen(doc)
        parts = [_("MEDIA RELEASE"), f"# {doc.title}", lead]
        if body:
            parts.append(body)
        if doc.quotes:
            parts.append(_("A social worker describes it: “%(quote)s”") % {"quote": doc.quotes[0]})
        parts.append(_("The observations were collected in Ilmiö, where identifying details are removed and small "
                       "numbers are not shown."))  # fmt: skip
        if doc.footnote:
            parts.append(doc.footnote)
        parts.append(_("More information: %(contact)s") % {"contact": _("[contact person]")})
    return "\n\n".join(parts) + "\n"


__all__ = [
    "HIDDEN",
    "SummaryDocument",
    "as_docx",
    "as_markdown",
    "blog_draft",
    "release_draft",
    "summary_document",
]
